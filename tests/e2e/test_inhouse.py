"""In-house tasks: the toolchain from HOME, declared environments, the cached setup step,
`validate` that explains, and [repo] mistakes as load errors."""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import landed, make_adder_task, make_suite, read_records, write

CARGO = Path.home() / ".cargo" / "bin" / "cargo"


def git(repo: Path, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env=env).stdout.strip()


@pytest.mark.skipif(not CARGO.exists(), reason="rustup's cargo is not in ~/.cargo on this machine")
def test_rust_task_validates_with_no_environment_declared(tmp_path, cache_dir):
    suite = tmp_path / "suite"
    write(suite / "suite.toml", 'name = "rust"\n')
    task = suite / "rust-add"
    # `cargo` is found through ~/.cargo/bin and rustup through RUSTUP_HOME, with HOME private.
    write(task / "task.toml", '[verify]\ncommand = "cargo test --offline -q"\ntimeout_s = 300\n')
    write(task / "prompt.md", "add subtracts. Fix it.\n")
    write(task / "workspace" / "Cargo.toml",
          '[package]\nname = "adder"\nversion = "0.1.0"\nedition = "2021"\n')
    write(task / "workspace" / "src" / "lib.rs", "pub fn add(a: i32, b: i32) -> i32 { a - b }\n")
    write(task / "tests" / "tests" / "hidden.rs", "#[test]\nfn adds() { assert_eq!(adder::add(2, 3), 5); }\n")
    write(task / "solution" / "src" / "lib.rs", "pub fn add(a: i32, b: i32) -> i32 { a + b }\n")
    out = tmp_path / "out"
    result = landed("validate", suite, "--cache", cache_dir, "-o", out, "-j", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 of 1 tasks sound" in result.stdout
    env_txt = (out / "attempts" / "rust-add" / "oracle" / "r0" / "env.txt").read_text()
    assert f"RUSTUP_HOME={Path.home() / '.rustup'}" in env_txt
    assert f"CARGO_HOME={Path.home() / '.cargo'}" in env_txt


def test_declared_environment_reaches_verify_and_env_txt_masks_secrets(tmp_path, cache_dir):
    suite = make_suite(tmp_path, ["env-task"])
    write(suite / "suite.toml", 'name = "mini"\n[environment]\nset = { MODE = "strict", '
          'API_TOKEN = "tok-123" }\npass = ["LANDED_TEST_PASSED", "LANDED_TEST_UNSET"]\n'
          'paths = ["~/does-not-exist-xyz"]\n')
    write(suite / "env-task" / "task.toml",
          '[verify]\ncommand = "test \\"$MODE\\" = strict && test \\"$LANDED_TEST_PASSED\\" = yes'
          ' && python3 test_hidden.py"\n[environment]\nset = { MODE = "strict" }\n')
    out = tmp_path / "out"
    env = {**os.environ, "LANDED_TEST_PASSED": "yes"}
    env.pop("LANDED_TEST_UNSET", None)
    result = landed("validate", suite, "--cache", cache_dir, "-o", out, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "environment.pass names LANDED_TEST_UNSET, which is not set" in result.stderr
    assert "does-not-exist-xyz does not exist" in result.stderr
    env_txt = (out / "attempts" / "env-task" / "oracle" / "r0" / "env.txt").read_text()
    assert "MODE=strict\n" in env_txt and "LANDED_TEST_PASSED=yes\n" in env_txt
    assert "API_TOKEN=***\n" in env_txt and "tok-123" not in env_txt


def setup_suite(tmp_path, setup_command):
    suite = make_suite(tmp_path, ["with-setup"], check=False)
    write(suite / "with-setup" / "task.toml",
          '[verify]\ncommand = "test -f build/generated.txt && python3 test_hidden.py"\n'
          f'[setup]\ncommand = "{setup_command}"\n')
    return suite


def test_setup_runs_once_for_all_attempts_and_not_again_in_a_second_campaign(tmp_path, cache_dir):
    suite = setup_suite(tmp_path, "echo setting up; mkdir -p build && echo made > build/generated.txt")
    first = landed("validate", suite, "--cache", cache_dir, "-o", tmp_path / "one", "--repeats", "3",
                   "-j", "2")
    assert first.returncode == 0, first.stdout + first.stderr
    # noop, oracle and the hack probe, 3 repeats each: 9 attempts, one setup.
    assert "setup: ran once in" in first.stdout and "for 9 attempts" in first.stdout
    records = read_records(tmp_path / "one")
    assert len(records) == 9
    assert sum(r["timing"]["setup_s"] is not None for r in records) == 1
    layers = [p for p in (cache_dir / "bases").iterdir() if p.name.startswith("setup-") and p.name.endswith(".git")]
    assert len(layers) == 1
    assert (layers[0] / "setup.log").read_text() == "setting up\n"
    # The setup's output is in the baseline: the oracle's patch holds the solution only.
    oracle = next(r for r in records if r["contender"]["id"] == "oracle")
    assert "generated.txt" not in (tmp_path / "one" / oracle["patch"]["path"]).read_text()
    second = landed("validate", suite, "--cache", cache_dir, "-o", tmp_path / "two")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "setup: reused from the cache" in second.stdout
    assert all(r["timing"]["setup_s"] is None for r in read_records(tmp_path / "two"))


def test_failing_setup_is_unsound_with_its_phase_and_log_tail(tmp_path, cache_dir):
    suite = setup_suite(tmp_path, "echo npm ERR missing script; exit 3")
    result = landed("validate", suite, "--cache", cache_dir)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "UNSOUND: setup failed: exit status 3" in result.stdout
    assert "phase: setup" in result.stdout
    assert "| npm ERR missing script" in result.stdout


def test_unsound_task_shows_phase_and_log_tail_and_keeps_its_logs_without_out(tmp_path, cache_dir):
    suite = make_suite(tmp_path, ["oracle-fails"])
    write(suite / "oracle-fails" / "solution" / "calc.py", "def add(a, b):\n    return a * b\n")
    result = landed("validate", suite, "--cache", cache_dir)
    assert result.returncode == 1
    assert "phase: oracle verify" in result.stdout
    assert "| AssertionError: add is wrong" in result.stdout
    log_line = next(line for line in result.stdout.splitlines() if "phase:" in line)
    log = Path(log_line.split("log: ", 1)[1])
    assert log.is_file() and "add is wrong" in log.read_text()
    shutil.rmtree(log.parents[4])  # the kept validation folder (landed-validate-*)


def test_check_that_fails_on_the_reference_solution_is_unsound(tmp_path, cache_dir):
    suite = make_suite(tmp_path, ["bad-check"], check=False)
    write(suite / "bad-check" / "task.toml",
          '[verify]\ncommand = "python3 test_hidden.py"\n[check]\ncommand = "pyhton3 -c 1"\n')
    result = landed("validate", suite, "--cache", cache_dir, "-o", tmp_path / "out")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "UNSOUND: check fails on the reference solution" in result.stdout
    assert "phase: check" in result.stdout


def test_repeats_mark_a_flaky_oracle_with_its_pass_count(tmp_path, cache_dir):
    suite = make_suite(tmp_path, ["flaky"], check=False)
    counter = tmp_path / "counter"
    # Passes the oracle's odd runs only: n = 1, 3 pass; 2, 4 fail.
    write(suite / "flaky" / "task.toml",
          '[verify]\ncommand = "python3 test_hidden.py || exit 1; '
          f'n=$(cat {counter} 2>/dev/null || echo 0); n=$((n+1)); echo $n > {counter}; '
          'exit $((1 - n % 2))"\n')
    # The counter lives outside the verify sandbox, where an isolated verify cannot write.
    result = landed("validate", suite, "--cache", cache_dir, "--repeats", "4", "-j", "1",
                    "-o", tmp_path / "out", "--isolation", "none")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "UNSOUND: flaky: oracle passed 2 of 4" in result.stdout
    assert "2/4 pass" in result.stdout


def repo_task(suite: Path, task_id: str, url: str, rev: str):
    write(suite / task_id / "task.toml",
          f'[verify]\ncommand = "python3 test_hidden.py"\n[repo]\nurl = "{url}"\nrev = "{rev}"\n')
    write(suite / task_id / "prompt.md", "Fix add.\n")
    write(suite / task_id / "tests" / "test_hidden.py", "import calc\nassert calc.add(2, 3) == 5\n")
    write(suite / task_id / "solution" / "calc.py", "def add(a, b):\n    return a + b\n")


def make_repo(path: Path):
    path.mkdir(parents=True)
    git(path, "init", "-q", "-b", "main")
    write(path / "calc.py", "def add(a, b):\n    return a - b\n")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "start")
    return git(path, "rev-parse", "HEAD")


def test_repo_mistakes_are_named_once_by_validate_and_are_load_errors_for_run(tmp_path, cache_dir):
    make_repo(tmp_path / "repos" / "calc")
    suite = tmp_path / "suite"
    write(suite / "suite.toml", 'name = "repos"\n')
    repo_task(suite, "relative-ok", "../../repos/calc", "main")
    repo_task(suite, "wrong-rev", "../../repos/calc", "v9")
    result = landed("validate", suite, "--cache", cache_dir)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert "sound" in lines["relative-ok"] and "UNSOUND" not in lines["relative-ok"]
    expected = f"UNSOUND: rev v9 not found in {tmp_path / 'repos' / 'calc'}"
    assert expected in lines["wrong-rev"]
    assert (result.stdout + result.stderr).count("rev v9 not found") == 1
    assert "infra_error" not in result.stdout

    config = tmp_path / "c.toml"
    write(config, '[[contender]]\nname = "noop"\nrunner = "noop"\n')
    run = landed("run", suite, "-c", config, "-o", tmp_path / "campaign", "--cache", cache_dir)
    assert run.returncode == 2, run.stdout + run.stderr
    assert "task wrong-rev: rev v9 not found" in run.stderr
    # Like a task that fails to load: the others ran; --strict refuses to start instead.
    assert {r["task_id"] for r in read_records(tmp_path / "campaign")} == {"relative-ok"}
    strict = landed("run", suite, "-c", config, "-o", tmp_path / "strict", "--cache", cache_dir,
                    "--strict")
    assert strict.returncode == 2, strict.stdout + strict.stderr
    assert not (tmp_path / "strict" / "records.jsonl").exists()

    repo_task(suite, "missing", "../../repos/nowhere", "main")
    run = landed("run", suite, "-c", config, "-o", tmp_path / "campaign2", "--cache", cache_dir)
    assert run.returncode == 2
    assert f"repository not found: {tmp_path / 'repos' / 'nowhere'}" in run.stderr
    assert "missing/task.toml" in run.stderr


def test_unwritable_cache_is_a_load_error(tmp_path):
    suite = make_suite(tmp_path)
    cache = tmp_path / "ro-cache"
    cache.mkdir()
    cache.chmod(0o500)
    try:
        if os.access(cache, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        result = landed("validate", suite, "--cache", cache)
        assert result.returncode == 2
        assert f"--cache {cache} is not writable" in result.stderr
    finally:
        cache.chmod(0o700)
