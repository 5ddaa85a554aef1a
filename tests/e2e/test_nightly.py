"""Nightly at scale: reuse of unchanged attempts, the dry-run forecast, the dollar cap with
resume, and shards merged back into one campaign — all with the seeded simulated agent."""
import json
import shutil
import subprocess

from conftest import landed, make_suite as make_python_suite, read_records, write


def make_suite(root, task_ids, **kwargs):
    """The conftest suite with a verify that needs no interpreter: these tests run many attempts."""
    suite = make_python_suite(root, task_ids, **kwargs)
    for task_id in task_ids:
        toml = suite / task_id / "task.toml"
        toml.write_text(toml.read_text().replace('command = "python3 test_hidden.py"',
                                                 "command = \"grep -q 'a + b' calc.py\""))
    return suite

SIM_CONFIG = """
[limits]
wall_time_s = 60

[[contender]]
runner = "sim"
model = "sim-frontier"
effort = "low"
[contender.options]
step_delay_ms = 0

[[contender]]
runner = "sim"
model = "sim-budget"
effort = "medium"
[contender.options]
step_delay_ms = 0
"""

NEW_CONTENDER = """
[[contender]]
runner = "sim"
model = "sim-frontier"
effort = "high"
[contender.options]
step_delay_ms = 0
"""


def run(suite, config, out, cache, *extra):
    result = landed("run", suite, "--config", config, "--out", out, "--cache", cache, "-q", *extra)
    assert result.returncode == 0, result.stderr
    return result


def metadata(out):
    return json.loads((out / "campaign.json").read_text())


def outcomes(out):
    return {r["attempt_id"]: r["outcome"] for r in read_records(out)}


def test_second_night_runs_only_the_changed_task_and_the_new_contender(tmp_path):
    suite = make_suite(tmp_path, ("alpha", "beta", "gamma"), check=False)
    config = tmp_path / "night1.toml"
    config.write_text(SIM_CONFIG)
    night1 = tmp_path / "night1"
    run(suite, config, night1, tmp_path / "cache", "--repeats", "2", "-j", "2")
    first = metadata(night1)

    # Night 2: one task changed, one contender added.
    (suite / "beta" / "prompt.md").write_text("calc.add is wrong. Make it add.\n")
    config2 = tmp_path / "night2.toml"
    config2.write_text(SIM_CONFIG + NEW_CONTENDER)
    night2 = tmp_path / "night2"

    plan = landed("run", suite, "--config", config2, "--out", night2, "--cache", tmp_path / "cache",
                  "--repeats", "2", "--reuse", night1, "--dry-run")
    assert plan.returncode == 0, plan.stderr
    assert "18 attempts planned: 10 to run, 8 to reuse" in plan.stdout
    new_row = next(line for line in plan.stdout.splitlines() if line.startswith("sim/sim-frontier@high"))
    assert "unknown" in new_row
    old_row = next(line for line in plan.stdout.splitlines() if line.startswith("sim/sim-budget@medium"))
    assert "$" in old_row and "unknown" not in old_row
    assert not night2.exists(), "a dry run writes nothing"

    run(suite, config2, night2, tmp_path / "cache", "--repeats", "2", "-j", "2", "--reuse", night1)
    records = read_records(night2)
    ran = sorted(r["attempt_id"] for r in records if r["reused_from"] is None)
    expected = sorted([f"beta/sim/sim-frontier@low/r{k}" for k in range(2)]
                      + [f"beta/sim/sim-budget@medium/r{k}" for k in range(2)]
                      + [f"{t}/sim/sim-frontier@high/r{k}" for t in ("alpha", "beta", "gamma")
                         for k in range(2)])
    assert ran == expected
    reused = [r for r in records if r["reused_from"] is not None]
    assert len(reused) == 8
    night1_records = {r["attempt_id"]: r for r in read_records(night1)}
    for r in reused:
        assert r["reused_from"]["campaign_id"] == first["campaign_id"]
        source = night1_records[r["reused_from"]["attempt_id"]]
        assert r["outcome"] == source["outcome"] and r["cost_usd"] == source["cost_usd"]
        assert r["campaign_id"] == metadata(night2)["campaign_id"]
        if r["patch"]["path"]:
            assert (night2 / r["patch"]["path"]).exists(), "the attempt's files come along"
    counts = metadata(night2)["attempts"]
    assert (counts["reused"], counts["run"], counts["recorded"]) == (8, 10, 18)

    # --fresh reuses nothing.
    fresh = landed("run", suite, "--config", config2, "--out", tmp_path / "fresh", "--repeats", "2",
                   "--reuse", night1, "--fresh", "--dry-run")
    assert "18 attempts planned: 18 to run, 0 to reuse" in fresh.stdout


def test_a_changed_contender_definition_is_not_reused(tmp_path):
    suite = make_suite(tmp_path, ("alpha",), check=False)
    agent = tmp_path / "agent.sh"
    write(agent, """
        #!/bin/sh
        sed -i 's/a - b/a + b/' calc.py
        echo '{"event":"final","status":"done"}'
        """, executable=True)
    config = tmp_path / "config.toml"
    config.write_text(f'[[contender]]\nname = "fixer"\nrunner = "command"\ncommand = ["{agent}"]\n')
    first = tmp_path / "first"
    run(suite, config, first, tmp_path / "cache")
    second = tmp_path / "second"
    run(suite, config, second, tmp_path / "cache", "--reuse", first)
    assert metadata(second)["attempts"]["reused"] == 1
    # Editing the agent's script changes its tool version, hence its definition.
    agent.write_text(agent.read_text() + "# v2\n")
    third = tmp_path / "third"
    run(suite, config, third, tmp_path / "cache", "--reuse", first)
    assert metadata(third)["attempts"]["reused"] == 0


def test_capped_campaign_resumes_to_the_same_records_as_an_uncapped_one(tmp_path):
    suite = make_suite(tmp_path, ("alpha", "beta", "gamma"), check=False)
    config = tmp_path / "config.toml"
    # A per-attempt dollar limit bounds each attempt's worst case, so the cap is never crossed.
    config.write_text(SIM_CONFIG.replace("wall_time_s = 60", "wall_time_s = 60\nmax_usd = 0.08"))
    full = tmp_path / "full"
    run(suite, config, full, tmp_path / "cache", "--repeats", "2", "-j", "1")
    total = sum(r["cost_usd"] for r in read_records(full))
    assert total > 0

    capped = tmp_path / "capped"
    result = landed("run", suite, "--config", config, "--out", capped, "--cache", tmp_path / "cache",
                    "-q", "--repeats", "2", "-j", "2", "--max-usd", f"{total / 2:.6f}")
    assert "capped" in result.stderr
    # A contender the cap stopped before its first attempt had nothing measured: exit 3, named.
    unmeasured = "nothing measured: no attempt started (the dollar cap" in result.stderr
    assert result.returncode == (3 if unmeasured else 0), result.stderr
    meta = metadata(capped)
    assert meta["status"] == "capped"
    partial = read_records(capped)
    assert 0 < len(partial) < 12
    assert sum(r["cost_usd"] for r in partial) <= total / 2 + 1e-9
    assert all(outcomes(full)[r["attempt_id"]] == r["outcome"] for r in partial)

    run(suite, config, capped, tmp_path / "cache", "--repeats", "2", "-j", "2", "--resume",
        "--max-usd", f"{total * 10:.6f}")
    assert metadata(capped)["status"] == "complete"
    assert outcomes(capped) == outcomes(full)
    assert len(read_records(capped)) == 12
    assert read_records(capped)[: len(partial)] == partial, "nothing recorded was lost or rewritten"


def test_shards_merged_equal_a_single_machine_campaign(tmp_path):
    suite = make_suite(tmp_path, ("alpha", "beta", "gamma", "delta"), check=False)
    config = tmp_path / "config.toml"
    config.write_text(SIM_CONFIG)
    single = tmp_path / "single"
    run(suite, config, single, tmp_path / "cache", "--repeats", "2", "-j", "2")
    shards = []
    for k in (1, 2, 3):
        shard = tmp_path / f"shard-{k}"
        run(suite, config, shard, tmp_path / "cache", "--repeats", "2", "--shard", f"{k}/3")
        assert metadata(shard)["options"]["shard"] == f"{k}/3"
        assert read_records(shard), "every shard gets work"
        shards.append(shard)
    merged = tmp_path / "merged"
    result = landed("merge", *shards, "--out", merged)
    assert result.returncode == 0, result.stderr
    assert outcomes(merged) == outcomes(single)
    assert len(read_records(merged)) == len(read_records(single))
    assert metadata(merged)["status"] == "complete"

    # The assignment is stable: a re-run of shard 2 plans exactly the same attempts.
    again = tmp_path / "shard-2-again"
    run(suite, config, again, tmp_path / "cache", "--repeats", "2", "--shard", "2/3")
    assert outcomes(again) == outcomes(shards[1])

    # Refusals: the same shard twice, and a shard of another config.
    dup = landed("merge", shards[0], shards[0], "--out", tmp_path / "dup")
    assert dup.returncode == 2 and "twice" in dup.stderr
    def doctored(name, edit):
        folder = tmp_path / name
        shutil.copytree(shards[2], folder)
        meta = metadata(folder)
        edit(meta)
        (folder / "campaign.json").write_text(json.dumps(meta))
        return folder

    other = doctored("other-config", lambda m: m["config"]["contenders"][0].update(fingerprint="0" * 16))
    mixed = landed("merge", shards[0], shards[1], other, "--out", tmp_path / "mixed")
    assert mixed.returncode == 2 and "contenders" in mixed.stderr
    foreign = doctored("other-suite", lambda m: m["suite"].update(digest="f" * 64))
    wrong = landed("merge", shards[0], shards[1], foreign, "--out", tmp_path / "wrong")
    assert wrong.returncode == 2 and "suite digest" in wrong.stderr
    assert not (tmp_path / "wrong").exists()


def test_adaptive_repeats_stop_once_a_pair_is_settled(tmp_path):
    suite = make_suite(tmp_path, ("alpha", "beta"), check=False)
    config = tmp_path / "config.toml"
    config.write_text('[[contender]]\nrunner = "sim"\nmodel = "sim-frontier"\n'
                      '[contender.options]\nstep_delay_ms = 0\ngive_up = 0\npass_easy = 1.0\n'
                      '[[contender]]\nrunner = "noop"\n')
    out = tmp_path / "auto"
    run(suite, config, out, tmp_path / "cache", "--repeats", "auto:8", "-j", "2")
    records = read_records(out)
    per_pair = {}
    for r in records:
        per_pair.setdefault((r["task_id"], r["contender"]["id"]), []).append(r["outcome"])
    # Always passing (sim) or always failing (noop): 4 repeats settle it at 95%, not 8.
    assert {len(v) for v in per_pair.values()} == {4}, per_pair
    meta = metadata(out)
    assert meta["attempts"]["settled_by_adaptive_repeats"] == 4 * 4
    assert meta["options"]["adaptive_repeats"] == {"max": 8, "confidence": 0.95}


def git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args],
                   cwd=cwd, check=True, capture_output=True)


def test_repo_task_on_a_branch_that_moved_is_run_again_not_reused(tmp_path):
    upstream = tmp_path / "upstream"
    upstream.mkdir()
    git(upstream, "init", "-q", "-b", "main")
    (upstream / "calc.py").write_text("def add(a, b):\n    return a - b\n")
    git(upstream, "add", "-A")
    git(upstream, "commit", "-q", "-m", "base")
    suite = make_suite(tmp_path, ("repo-task",), check=False)
    shutil.rmtree(suite / "repo-task" / "workspace")
    toml = suite / "repo-task" / "task.toml"
    toml.write_text(toml.read_text() + f'[repo]\nurl = "{upstream}"\nrev = "main"\n')
    config = tmp_path / "config.toml"
    config.write_text('[[contender]]\nrunner = "noop"\n')
    first = tmp_path / "first"
    run(suite, config, first, tmp_path / "cache")
    [before] = read_records(first)
    assert before["outcome"] == "fail", before["reason"]
    assert len(before["task_base_commit"]) == 40

    # The branch moves: its new commit already adds, so noop passes there.
    (upstream / "calc.py").write_text("def add(a, b):\n    return a + b\n")
    git(upstream, "commit", "-q", "-a", "-m", "fix")
    second = tmp_path / "second"
    run(suite, config, second, tmp_path / "cache", "--reuse", first)
    [after] = read_records(second)
    assert after["reused_from"] is None, "a record of another commit was reused"
    assert after["outcome"] == "pass", after["reason"]
    assert after["task_base_commit"] != before["task_base_commit"]

    # The branch did not move since: the record is reused.
    third = tmp_path / "third"
    run(suite, config, third, tmp_path / "cache", "--reuse", second)
    [again] = read_records(third)
    assert again["reused_from"] is not None
    assert again["task_base_commit"] == after["task_base_commit"]
