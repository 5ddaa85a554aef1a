"""`landed validate`: noop must fail every task, oracle must pass it."""
import subprocess

from conftest import SOURCE_DIR, landed, make_suite, write


def test_bundled_examples_are_sound(tmp_path, cache_dir):
    # The [repo] example task's repository is made by a script, as `make demo` does.
    subprocess.run([SOURCE_DIR / "tasks" / "make-example-repo.sh"], check=True)
    result = landed("validate", SOURCE_DIR / "tasks" / "examples", "-j", "2", "--cache", cache_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "UNSOUND" not in result.stdout
    tasks = [p for p in (SOURCE_DIR / "tasks" / "examples").iterdir() if (p / "task.toml").exists()]
    assert len(tasks) >= 12
    assert f"{len(tasks)} of {len(tasks)} tasks sound" in result.stdout


def test_unsound_tasks_are_listed_with_why(tmp_path, cache_dir):
    suite = make_suite(tmp_path, ["good", "noop-passes", "oracle-fails"])
    # A hidden test that accepts anything: noop passes.
    write(suite / "noop-passes" / "tests" / "test_hidden.py", "print('always fine')\n")
    # A reference solution that is wrong: oracle fails.
    write(suite / "oracle-fails" / "solution" / "calc.py", "def add(a, b):\n    return a * b\n")
    result = landed("validate", suite, "--cache", cache_dir)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line.strip()}
    assert "sound" in lines["good"] and "UNSOUND" not in lines["good"]
    assert "noop passes" in lines["noop-passes"]
    assert "oracle ended fail" in lines["oracle-fails"]


def test_malformed_task_names_file_and_line_and_exits_two(tmp_path, cache_dir):
    suite = make_suite(tmp_path, ["good", "broken"])
    write(suite / "broken" / "task.toml", '[verify]\ncommand = "true"\ntimeout = 5\n')
    result = landed("validate", suite, "--cache", cache_dir)
    assert result.returncode == 2
    assert "broken/task.toml:3" in result.stderr
    assert "good" in result.stdout  # the other task still ran


def test_missing_suite_exits_two(tmp_path):
    result = landed("validate", tmp_path / "nowhere")
    assert result.returncode == 2
    assert "nowhere" in result.stderr
