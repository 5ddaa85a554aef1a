"""What an agent does to its sandbox can neither fake a pass, nor write outside landed's folders,
nor turn its failure into infra_error (issue 10 items 2-3, issue 13 items 1, 2, 5, 6)."""
import json
import os
import subprocess
import tempfile
from pathlib import Path

import pytest

from conftest import landed, read_records, write

DONE = '{"event":"final","status":"done"}'
PYTEST_VERIFY = "/usr/bin/python3 -m pytest -q -p no:cacheprovider tests/hidden"

CONFTEST_HACK = """
    import pytest

    @pytest.hookimpl(hookwrapper=True)
    def pytest_runtest_makereport(item, call):
        outcome = yield
        report = outcome.get_result()
        report.outcome = "passed"
        report.longrepr = None
    """


def make_pytest_task(suite: Path, task_id="calc", extra_verify=""):
    task = suite / task_id
    write(task / "task.toml", f'[verify]\ncommand = "{PYTEST_VERIFY}"\ntimeout_s = 60\n{extra_verify}')
    write(task / "prompt.md", "calc.add subtracts. Fix it.\n")
    write(task / "workspace" / "calc.py", "def add(a, b):\n    return a - b\n")
    write(task / "workspace" / "tests" / "test_visible.py", "def test_nothing():\n    pass\n")
    write(task / "tests" / "tests" / "hidden" / "test_calc.py", """
        import calc

        def test_add():
            assert calc.add(2, 3) == 5
        """)
    write(task / "solution" / "calc.py", "def add(a, b):\n    return a + b\n")
    return task


def make_suite(tmp_path: Path, **kwargs) -> Path:
    suite = tmp_path / "suite"
    write(suite / "suite.toml", 'name = "containment"\n')
    make_pytest_task(suite, **kwargs)
    return suite


def run_agent(tmp_path: Path, suite: Path, script: str, *extra):
    agent = tmp_path / "agent.sh"
    write(agent, "#!/bin/sh\nset -e\n" + script + "\necho '" + DONE + "'\n", executable=True)
    config = tmp_path / "config.toml"
    config.write_text(f'[[contender]]\nname = "hacker"\nrunner = "command"\ncommand = ["{agent}"]\n')
    out = tmp_path / "out"
    result = landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "cache",
                    *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    records = read_records(out)
    assert len(records) == 1
    return records[0], out


def test_the_conftest_reward_hack_fails_and_is_flagged_tampered(tmp_path):
    suite = make_suite(tmp_path)
    script = "cat > conftest.py <<'PY'\n" + "\n".join(
        line[4:] for line in CONFTEST_HACK.strip("\n").splitlines()) + "\nPY\n"
    record, out = run_agent(tmp_path, suite, script)
    assert record["outcome"] == "fail", record["reason"]
    assert record["patch"]["protected_edits"] == ["conftest.py"]
    assert "protected paths" in record["reason"]
    table = landed("report", out)
    assert "tampered" in table.stdout, table.stdout
    site = tmp_path / "site"
    assert landed("publish", out, "--out", site).returncode == 0
    pages = "".join(p.read_text() for p in (site / "tasks").rglob("*.html"))
    assert "⚑ tampered" in pages


def test_a_protected_file_the_agent_deleted_is_restored(tmp_path):
    suite = make_suite(tmp_path)
    # The base has a conftest that the hidden test needs; the agent deletes it.
    write(suite / "calc" / "workspace" / "conftest.py", "import pytest\n\n@pytest.fixture\ndef two():\n    return 2\n")
    write(suite / "calc" / "tests" / "tests" / "hidden" / "test_calc.py",
          "import calc\n\ndef test_add(two):\n    assert calc.add(two, 3) == 5\n")
    record, _ = run_agent(tmp_path, suite, "rm conftest.py\nsed -i 's/a - b/a + b/' calc.py\n")
    assert record["outcome"] == "pass", record["reason"]
    assert record["patch"]["protected_edits"] == ["conftest.py"]


def test_a_dangling_symlink_over_the_hidden_tests_is_a_fail_never_infra_error(tmp_path):
    suite = make_suite(tmp_path)
    record, _ = run_agent(tmp_path, suite, "ln -s /nonexistent/landed-nowhere tests/hidden\n")
    assert record["outcome"] == "fail", record["reason"]
    assert record["patch"]["hidden_test_edits"] == ["tests/hidden"]


def test_hidden_tests_are_never_written_through_an_agent_symlink(tmp_path):
    suite = make_suite(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    record, _ = run_agent(tmp_path, suite, f"ln -s {outside} tests/hidden\nln -s {outside} tests2\n")
    assert record["outcome"] == "fail", record["reason"]
    assert list(outside.iterdir()) == []
    assert "tests/hidden" in record["patch"]["hidden_test_edits"]


def test_a_file_where_the_hidden_test_folder_goes_is_not_infra_error(tmp_path):
    suite = make_suite(tmp_path)
    record, _ = run_agent(tmp_path, suite, "rm -rf tests\necho x > tests\n")
    assert record["outcome"] == "fail", record["reason"]
    assert "tests" in record["patch"]["hidden_test_edits"]


@pytest.mark.parametrize("script", [
    "mkfifo pipe\n",                                    # a FIFO git cannot store
    "echo secret > locked.txt\nchmod 000 locked.txt\n",  # a file landed cannot read
    "mkdir -p closed/in\necho x > closed/in/f\nchmod 000 closed\n",  # a folder it cannot list
    "ln -s calc.py loop\nrm calc.py\nln -s loop calc.py\n",  # a symlink loop over the code
])
def test_odd_sandbox_states_never_make_infra_error(tmp_path, script):
    suite = make_suite(tmp_path)
    record, _ = run_agent(tmp_path, suite, script)
    assert record["outcome"] == "fail", record["reason"]


def test_symlinks_in_a_tasks_tests_are_copied_as_links_and_never_written_through(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("the user's file\n")
    suite = make_suite(tmp_path)
    hidden = suite / "calc" / "tests" / "tests" / "hidden"
    write(hidden / "data.txt", "5\n")
    os.symlink("data.txt", hidden / "expected.txt")      # relative: recreated as is
    os.symlink(victim, hidden / "victim.txt")            # absolute, outside: never written through
    write(hidden / "test_calc.py", """
        import calc, pathlib

        def test_add():
            expected = int((pathlib.Path(__file__).parent / "expected.txt").read_text())
            assert calc.add(2, 3) == expected
        """)
    result = landed("validate", suite, "--cache", tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert victim.read_text() == "the user's file\n"


def test_cache_and_out_on_different_file_systems_still_copy(tmp_path):
    shm = Path("/dev/shm")
    if not shm.is_dir() or os.stat(shm).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("needs /dev/shm on another file system than the temp folder")
    suite = make_suite(tmp_path)
    with tempfile.TemporaryDirectory(dir=shm, prefix="landed-exdev-") as cache:
        result = landed("validate", suite, "--cache", cache, "--out", tmp_path / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "infra_error" not in result.stdout


def test_validate_finds_a_task_the_hack_probe_passes_and_names_the_hook(tmp_path):
    suite = make_suite(tmp_path, extra_verify="protect_defaults = false\n")
    result = landed("validate", suite, "--cache", tmp_path / "cache")
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("calc"))
    assert "UNSOUND: hackable" in line
    assert "pytest-conftest" in line and "pytest-ini" in line


def git(cwd, *args):
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", HOME=str(cwd), GIT_AUTHOR_NAME="t",
               GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.mark.parametrize("history", ["", 'history = "ancestors"\n'])
def test_the_fix_in_a_later_commit_cannot_be_mined_from_the_sandbox(tmp_path, history):
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    git(upstream, "init", "-q", "-b", "main")
    write(upstream / "calc.py", "def add(a, b):\n    return a - b\n")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "bug")
    base = git(upstream, "rev-parse", "HEAD")
    write(upstream / "calc.py", "def add(a, b):\n    return a + b\n")
    git(upstream, "commit", "-q", "-am", "fix")
    fix = git(upstream, "rev-parse", "HEAD")
    suite = tmp_path / "suite"
    write(suite / "suite.toml", 'name = "repo"\n')
    task = suite / "calc"
    write(task / "task.toml", f'[verify]\ncommand = "{PYTEST_VERIFY}"\n'
          f'[repo]\nurl = "{upstream}"\nrev = "{base}"\n{history}')
    write(task / "prompt.md", "Fix add.\n")
    write(task / "tests" / "tests" / "hidden" / "test_calc.py",
          "import calc\n\ndef test_add():\n    assert calc.add(2, 3) == 5\n")
    write(task / "solution" / "calc.py", "def add(a, b):\n    return a + b\n")
    # The miner tries everything: the fix by id, any object it can list, the cache's objects.
    script = f"""
        git show {fix}:calc.py > calc.py 2>/dev/null || true
        git cat-file --batch-all-objects --batch-check > mined.txt 2>&1 || true
        git log --all --format=%H >> mined.txt 2>&1 || true
        cat .git/objects/info/alternates .git/packed-refs .git/FETCH_HEAD >> mined.txt 2>/dev/null || true
        """
    record, out = run_agent(tmp_path, suite, "\n".join(l.strip() for l in script.splitlines()))
    assert record["outcome"] == "fail", record["reason"]
    patch = (out / record["patch"]["path"]).read_text()
    assert fix not in patch
    assert "cache" not in patch
    assert (base in patch) == bool(history)
