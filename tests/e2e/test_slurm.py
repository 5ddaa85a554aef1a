"""The shipped Slurm scripts run on a real (one-node) Slurm cluster: an array of four shards and the
merge step submitted with afterok equal a single-machine run of the same plan, and an array element
cancelled mid-run and submitted again resumes its shard without duplicates."""
import json
import time

import pytest

from conftest import LANDED, SOURCE_DIR, landed, outcomes_by_attempt_key as attempts, read_records
from slurm_cluster import SlurmCluster, unavailable_reason
from test_nightly import SIM_CONFIG, make_suite

NIGHTLY = SOURCE_DIR / "deploy" / "slurm" / "nightly.sbatch"
MERGE = SOURCE_DIR / "deploy" / "slurm" / "merge.sbatch"
TASKS = ("alpha", "beta", "gamma", "delta", "epsilon")


def sim_config(path, step_delay_ms):
    path.write_text(SIM_CONFIG.replace("step_delay_ms = 0", f"step_delay_ms = {step_delay_ms}"))
    return path


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    reason = unavailable_reason()
    if reason:
        print(f"\nSKIPPED the Slurm tests: {reason}")
        pytest.skip(reason)
    c = SlurmCluster(tmp_path_factory.mktemp("slurm"))
    try:
        c.start()
        yield c
    finally:
        c.stop()


def night_env(tmp_path, suite, config, out):
    return {"LANDED": LANDED, "LANDED_SUITE": str(suite), "LANDED_CONFIG": str(config),
            "LANDED_OUT": str(out), "LANDED_ARGS": f"--cache {tmp_path / 'cache'} -j 1 --repeats 2"}


def single_machine(tmp_path, suite, config):
    single = tmp_path / "single"
    result = landed("run", suite, "--config", config, "--out", single, "--cache", tmp_path / "cache",
                    "-q", "--repeats", "2", "-j", "2")
    assert result.returncode == 0, result.stderr
    return single


def submit_night(cluster, tmp_path, env, array):
    options = [f"--chdir={tmp_path}", f"--output={tmp_path}/%x-%A_%a.out"]
    job = cluster.submit(NIGHTLY, f"--array={array}", *options, env=env)
    return job, options


def test_array_of_shards_and_merge_equal_a_single_machine_run(cluster, tmp_path):
    suite = make_suite(tmp_path, TASKS, check=False)
    config = sim_config(tmp_path / "night.toml", 0)
    out = tmp_path / "night"
    env = night_env(tmp_path, suite, config, out)
    array, options = submit_night(cluster, tmp_path, env, "1-4")
    merge = cluster.submit(MERGE, f"--dependency=afterok:{array}", f"--chdir={tmp_path}",
                           f"--output={tmp_path}/merge-%j.out", env=env)
    states = cluster.wait(array)
    assert set(states.values()) == {"COMPLETED"}, states
    assert cluster.wait(merge) == {merge: "COMPLETED"}, (tmp_path / f"merge-{merge}.out").read_text()

    assert (out / "shard-count").read_text().strip() == "4"
    for k in range(1, 5):
        meta = json.loads((out / f"shard-{k}" / "campaign.json").read_text())
        assert meta["options"]["shard"] == f"{k}/4"
    merged = out / "merged"
    assert json.loads((merged / "campaign.json").read_text())["status"] == "complete"
    assert attempts(merged) == attempts(single_machine(tmp_path, suite, config))


def test_a_cancelled_element_submitted_again_resumes_its_shard(cluster, tmp_path):
    suite = make_suite(tmp_path, TASKS, check=False)
    config = sim_config(tmp_path / "night.toml", 150)   # ~1-2 s an attempt: time to cancel one
    out = tmp_path / "night"
    env = night_env(tmp_path, suite, config, out)
    array, options = submit_night(cluster, tmp_path, env, "1-4")
    victim = f"{array}_2"
    records = out / "shard-2" / "records.jsonl"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:   # cancel once shard 2 has recorded something
        if records.exists() and records.read_text().count("\n") >= 1:
            break
        time.sleep(0.2)
    else:
        raise AssertionError(f"shard 2 recorded nothing: {cluster.job_states(array)}")
    cluster.run("scancel", victim)
    states = cluster.wait(array)
    assert states[victim] == "CANCELLED", states
    before = read_records(out / "shard-2")
    assert before, "shard 2 had recorded something when it was cancelled"

    again = cluster.submit(NIGHTLY, "--array=2", *options, env=env)   # the count comes from the file
    assert set(cluster.wait(again).values()) == {"COMPLETED"}
    after = read_records(out / "shard-2")
    assert len(after) > len(before), "the cancel came mid-run and the resumed shard finished it"
    assert after[: len(before)] == before, "nothing recorded was lost or rewritten"
    assert json.loads((out / "shard-2" / "campaign.json").read_text())["status"] == "complete"
    merge = cluster.submit(MERGE, f"--chdir={tmp_path}", f"--output={tmp_path}/merge-%j.out", env=env)
    assert cluster.wait(merge) == {merge: "COMPLETED"}, (tmp_path / f"merge-{merge}.out").read_text()
    assert attempts(out / "merged") == attempts(single_machine(tmp_path, suite, config))


def test_an_element_outside_the_array_range_refuses(cluster, tmp_path):
    suite = make_suite(tmp_path, ("alpha",), check=False)
    config = sim_config(tmp_path / "night.toml", 0)
    out = tmp_path / "night"
    env = night_env(tmp_path, suite, config, out)
    job, _ = submit_night(cluster, tmp_path, env, "0-1")
    states = cluster.wait(job)
    assert states[f"{job}_0"] == "FAILED", states
    log = (tmp_path / f"landed-nightly-{job}_0.out").read_text()
    assert "outside 1..2" in log
