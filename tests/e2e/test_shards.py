"""The shard plan survives the real world: a shard whose machine died is resumed by running the same
`--shard K/N ... --resume` command again (nothing lost, nothing twice), and `landed merge` refuses
shards scored by different landed versions unless told --allow-mixed-versions."""
import json
import os
import signal
import subprocess
import time

from conftest import LANDED, landed, outcomes_by_attempt_key as keys, read_records
from test_nightly import SIM_CONFIG, make_suite

TASKS = ("alpha", "beta", "gamma", "delta")


def shard_command(suite, config, out, cache, k, n=2):
    return [LANDED, "run", suite, "--config", config, "--out", out, "--cache", cache, "-q",
            "--repeats", "2", "--shard", f"{k}/{n}", "--resume", "-j", "1"]


def test_a_killed_shard_rerun_with_the_same_command_resumes(tmp_path):
    suite = make_suite(tmp_path, TASKS, check=False)
    slow = tmp_path / "slow.toml"
    slow.write_text(SIM_CONFIG.replace("step_delay_ms = 0", "step_delay_ms = 40"))
    cache = tmp_path / "cache"
    whole = tmp_path / "whole"
    assert subprocess.run(shard_command(suite, slow, whole, cache, 1), timeout=300).returncode == 0

    died = tmp_path / "died"
    command = list(map(str, shard_command(suite, slow, died, cache, 1)))
    machine = subprocess.Popen(command, stdin=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and machine.poll() is None:
        if (died / "records.jsonl").exists() and read_records(died):
            break
        time.sleep(0.05)
    os.killpg(machine.pid, signal.SIGKILL)   # the machine dies: landed and its agents at once
    machine.wait()
    before = read_records(died)
    assert before and len(before) < len(read_records(whole)), "the shard died mid-run"

    again = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                           timeout=300)
    assert again.returncode == 0, again.stderr
    assert read_records(died)[: len(before)] == before
    assert keys(died) == keys(whole)


def test_merge_refuses_shards_scored_by_different_landed_versions(tmp_path):
    suite = make_suite(tmp_path, TASKS, check=False)
    config = tmp_path / "config.toml"
    config.write_text(SIM_CONFIG)
    cache = tmp_path / "cache"
    shards = []
    for k in (1, 2):
        out = tmp_path / f"shard-{k}"
        result = subprocess.run(shard_command(suite, config, out, cache, k), capture_output=True,
                                text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        shards.append(out)
    # Shard 2 is rerun by another landed: its records and metadata carry another scoring version.
    version = json.loads((shards[0] / "campaign.json").read_text())["harness"]["scoring_version"]
    meta = json.loads((shards[1] / "campaign.json").read_text())
    meta["harness"]["scoring_version"] = version + 1
    (shards[1] / "campaign.json").write_text(json.dumps(meta))
    lines = [json.loads(line) for line in (shards[1] / "records.jsonl").read_text().splitlines()]
    for r in lines:
        r["scoring_version"] = version + 1
    (shards[1] / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines))

    refused = landed("merge", *shards, "--out", tmp_path / "merged")
    assert refused.returncode == 2, refused.stderr
    assert "different landed versions" in refused.stderr and "--allow-mixed-versions" in refused.stderr
    assert not (tmp_path / "merged" / "records.jsonl").exists()

    allowed = landed("merge", *shards, "--out", tmp_path / "merged", "--allow-mixed-versions")
    assert allowed.returncode == 0, allowed.stderr
    merged = json.loads((tmp_path / "merged" / "campaign.json").read_text())
    assert merged["scoring_versions"] == [version, version + 1]
    assert len(read_records(tmp_path / "merged")) == len(read_records(shards[0])) + len(lines)
