"""A campaign killed with SIGKILL mid-run resumes without losing or duplicating a record."""
import os
import signal
import subprocess
import time

from conftest import LANDED, landed, make_suite, read_records, write


def test_sigkill_mid_campaign_then_resume(tmp_path):
    tasks = [f"task-{i}" for i in range(6)]
    suite = make_suite(tmp_path, tasks, check=False)
    agent = tmp_path / "slow-fixer.sh"
    write(agent, """
        #!/bin/sh
        sleep 0.4
        sed -i 's/a - b/a + b/' calc.py
        echo '{"event":"step","input_tokens":5,"output_tokens":1}'
        echo '{"event":"final","status":"done"}'
        """, executable=True)
    config = tmp_path / "config.toml"
    config.write_text(f'[[contender]]\nname = "slow"\nrunner = "command"\ncommand = ["{agent}"]\n'
                      '[[contender]]\nrunner = "noop"\n')
    out = tmp_path / "out"
    args = [LANDED, "run", suite, "--config", config, "--out", out, "-j", "2", "--repeats", "2",
            "--cache", tmp_path / "cache"]
    process = subprocess.Popen(list(map(str, args)), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    records_file = out / "records.jsonl"
    deadline = time.time() + 60
    while time.time() < deadline:
        if records_file.exists() and len(records_file.read_text().splitlines()) >= 3:
            break
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    first = read_records(out)
    planned = len(tasks) * 2 * 2
    assert 3 <= len(first) < planned, "the kill must land mid-campaign"
    # A crash in the middle of a write leaves a torn line.
    with open(records_file, "a") as f:
        f.write('{"schema":1,"attempt_id":"task-9/slow/r0","outc')

    resumed = landed("run", suite, "--config", config, "--out", out, "-j", "2", "--repeats", "2",
                     "--resume", "--cache", tmp_path / "cache")
    assert resumed.returncode == 0, resumed.stderr
    records = read_records(out)
    ids = [r["attempt_id"] for r in records]
    assert len(ids) == planned
    assert len(set(ids)) == planned
    # Nothing finished before the kill was run again: its record is unchanged and first.
    assert records[: len(first)] == first
    assert all(r["outcome"] in ("pass", "fail") for r in records)
    assert f"{planned - len(first)} run now" in resumed.stdout
