"""`landed tasks mine`: a generated repository with known fixing commits becomes a suite of
exactly the sound tasks, and a report of the rest with why they were dropped."""
import json
import os
import subprocess
from pathlib import Path

from conftest import landed, write

VERIFY = 'for t in {tests}; do PYTHONPATH=. python3 "$t" || exit 1; done'


def git(repo: Path, *args):
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t", "GIT_CONFIG_NOSYSTEM": "1"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True, env=env).stdout.strip()


def commit(repo: Path, message: str, files: dict, delete=()):
    for path, text in files.items():
        write(repo / path, text)
    for path in delete:
        (repo / path).unlink()
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)
    return git(repo, "rev-parse", "HEAD")


def make_history(repo: Path, counter: Path):
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    shas = {}
    commit(repo, "Start", {"calc.py": "def add(a, b):\n    return a - b\n\n\ndef sub(a, b):\n"
                                      "    return a - b\n", "old.py": "X = 1\n", "README.md": "calc\n"})
    shas["fix"] = commit(repo, "Fix add\n\nadd subtracted its arguments; it must add them.",
                         {"calc.py": "def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n"
                                     "    return a - b\n",
                          "tests/test_add.py": "import calc\nassert calc.add(2, 3) == 5\n"})
    commit(repo, "Docs", {"README.md": "calc: add and sub\n"})
    shas["already"] = commit(repo, "Tidy sub, test it", {
        "calc.py": "def add(a, b):\n    return a + b\n\n\ndef sub(a, b):  # a minus b\n    return a - b\n",
        "tests/test_sub.py": "import calc\nassert calc.sub(5, 3) == 2\n"})
    shas["wrong"] = commit(repo, "Add mul", {
        "calc.py": "def add(a, b):\n    return a + b\n\n\ndef sub(a, b):  # a minus b\n    return a - b\n"
                   "\n\ndef mul(a, b):\n    return a + b\n",
        "tests/test_mul.py": "import calc\nassert calc.mul(2, 3) == 6\n"})
    shas["flaky"] = commit(repo, "Add half", {
        "half.py": "def half(a):\n    return a / 2\n",
        "tests/test_half.py": (
            "import half, os\nassert half.half(4) == 2\n"
            f"p = {str(counter)!r}\nn = int(open(p).read()) if os.path.exists(p) else 0\n"
            "open(p, 'w').write(str(n + 1))\nassert n % 2 == 0, 'flaky'\n")})
    shas["slow"] = commit(repo, "Add neg", {
        "neg.py": "def neg(a):\n    return -a\n",
        "tests/test_neg.py": "import neg, time\nassert neg.neg(1) == -1\ntime.sleep(60)\n"})
    shas["deletes"] = commit(repo, "Drop old module", {"tests/test_old.py": "print('gone')\n"},
                             delete=["old.py"])
    return shas


def test_mine_keeps_exactly_the_sound_commits_and_reports_the_rest(tmp_path):
    repo = tmp_path / "repo"
    shas = make_history(repo, tmp_path / "flaky-counter")
    out = tmp_path / "mined"
    result = landed("tasks", "mine", repo, "--out", out, "--verify", VERIFY, "--repeats", "2",
                    "--verify-timeout", "8", "-j", "2", "--cache", tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    tasks = sorted(p.name for p in out.iterdir() if (p / "task.toml").exists())
    assert tasks == [f"{shas['fix'][:8]}-fix-add"], result.stdout
    task = out / tasks[0]
    toml = (task / "task.toml").read_text()
    assert f'url = "{repo}"' in toml and f'rev = "{git(repo, "rev-parse", shas["fix"] + "^")}"' in toml
    assert (task / "tests" / "tests" / "test_add.py").exists()
    assert (task / "solution" / "calc.py").read_text().count("a + b") == 1
    assert (task / "prompt.md").read_text().startswith("add subtracted its arguments")

    report = json.loads((out / "mine-report.json").read_text())
    reasons = {c["sha"]: c["reason"] for c in report["commits"]}
    assert reasons[shas["already"]] == "tests already pass at the parent"
    assert reasons[shas["wrong"]] == "tests fail after the fix"
    assert reasons[shas["flaky"]].startswith("flaky")
    assert reasons[shas["slow"]].startswith("slow")
    assert "cannot express deletions" in reasons[shas["deletes"]]
    assert report["considered"] == 8 and report["candidates"] == 5
    assert "tests already pass at the parent" in (out / "mine-report.md").read_text()
    assert not [p for p in out.iterdir() if p.name.startswith(".mining-")]


def test_mine_an_unreadable_repository_exits_two_naming_it(tmp_path):
    result = landed("tasks", "mine", tmp_path / "no-repo", "--out", tmp_path / "out")
    assert result.returncode == 2
    assert str(tmp_path / "no-repo") in result.stderr


def test_mine_drops_a_commit_whose_verify_the_hack_probe_passes(tmp_path):
    # `unittest discover` imports every test module of tests/, so the probe's extra module that
    # exits 0 on import turns the failing run into a pass: such a task is no measure of anything.
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    case = "import unittest\nimport calc\n\n\nclass T(unittest.TestCase):\n    def test(self):\n"
    commit(repo, "Start", {"calc.py": "def add(a, b):\n    return a - b\n",
                           "tests/test_start.py": case + "        self.assertTrue(calc.add)\n"})
    fix = commit(repo, "Fix add\n\nadd subtracted.", {
        "calc.py": "def add(a, b):\n    return a + b\n",
        "tests/test_add.py": case + "        self.assertEqual(calc.add(2, 3), 5)\n"})
    out = tmp_path / "mined"
    result = landed("tasks", "mine", repo, "--out", out, "-j", "2", "--cache", tmp_path / "cache",
                    "--verify", "python3 -m unittest discover -s tests")
    assert result.returncode == 0, result.stdout + result.stderr
    assert not [p for p in out.iterdir() if (p / "task.toml").exists()], result.stdout
    reasons = {c["sha"]: c["reason"] for c in json.loads((out / "mine-report.json").read_text())["commits"]}
    assert reasons[fix].startswith("hackable"), reasons
