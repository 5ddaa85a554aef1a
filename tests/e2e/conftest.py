"""Shared helpers for the end-to-end tests: they drive the real `landed` binary."""
import json
import os
import stat
import subprocess
import textwrap
from pathlib import Path

import pytest

LANDED = os.environ.get("LANDED_BINARY", str(Path(__file__).resolve().parents[2] / "build" / "landed"))
SOURCE_DIR = Path(os.environ.get("LANDED_SOURCE_DIR", Path(__file__).resolve().parents[2]))


def landed(*args, timeout=600, **kwargs):
    """Runs landed and returns the CompletedProcess (text mode, never raises on exit code)."""
    return subprocess.run([LANDED, *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL, **kwargs)


def write(path: Path, text: str, executable=False):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"))
    if executable:
        path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def make_adder_task(suite: Path, task_id: str, check=True, extra_toml=""):
    """A tiny Python task: `add` subtracts; the hidden test wants it to add."""
    task = suite / task_id
    check_toml = ('[check]\ncommand = "python3 -c \'import calc; assert calc.add(1, 1) == 2\'"\n'
                  if check else "")
    write(task / "task.toml", 'title = "Fix add"\ndifficulty = "easy"\ntags = ["python", "bugfix"]\n'
          '[verify]\ncommand = "python3 test_hidden.py"\ntimeout_s = 30\n' + check_toml + extra_toml)
    write(task / "prompt.md", "calc.add subtracts instead of adding. Fix it.\n")
    write(task / "workspace" / "calc.py", "def add(a, b):\n    return a - b\n")
    write(task / "workspace" / "README.md", "A calculator.\n")
    write(task / "tests" / "test_hidden.py", """
        import calc
        assert calc.add(2, 3) == 5, "add is wrong"
        print("ok")
        """)
    write(task / "solution" / "calc.py", "def add(a, b):\n    return a + b\n")
    return task


def make_suite(root: Path, task_ids=("add-one",), **kwargs) -> Path:
    suite = root / "suite"
    write(suite / "suite.toml", 'name = "mini"\ndescription = "made by a test"\n')
    for task_id in task_ids:
        make_adder_task(suite, task_id, **kwargs)
    return suite


def read_records(out: Path):
    lines = (out / "records.jsonl").read_text().splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def outcomes_by_attempt_key(out: Path):
    """attempt key (id, task digest, contender fingerprint) -> outcome; fails on a key recorded twice."""
    records = read_records(out)
    keys = [(r["attempt_id"], r["task_digest"], r["contender"]["fingerprint"]) for r in records]
    assert len(keys) == len(set(keys)), f"an attempt recorded twice in {out}"
    return {key: r["outcome"] for key, r in zip(keys, records)}


@pytest.fixture
def cache_dir(tmp_path):
    return tmp_path / "cache"


AGENT_CLIS = Path(os.environ.get("LANDED_AGENT_CLIS",
                                 Path(LANDED).resolve().parent / "agent-clis" / "node_modules" / ".bin"))


def agent_cli(tool: str) -> Path:
    """The real agent CLI `tool` (claude, codex, gemini, opencode) that `make test` installed from
    npm via .ci/install-agent-clis. A missing tool fails the test: these are the one real test."""
    path = AGENT_CLIS / tool
    if not path.exists():
        pytest.fail(f"{path} is missing: run .ci/install-agent-clis {AGENT_CLIS.parent.parent}")
    return path
