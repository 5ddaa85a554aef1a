"""`landed run`: real sandboxes, real agent processes, hidden tests decide, one record each."""
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import LANDED, landed, make_suite, read_records, write

STEP = '{"event":"step","model":"m","input_tokens":100,"cache_read_tokens":10,"output_tokens":20}'
DONE = '{"event":"final","status":"done"}'
# A sleep only this test process starts, so the orphan check is not fooled by other runs.
HANG = f"sleep 300.{os.getpid()}"

AGENTS = {
    # Fixes the bug and reports usage properly.
    "fixer": f"""
        #!/bin/sh
        echo '{STEP}'
        sed -i 's/a - b/a + b/' calc.py
        echo '{{"event":"tool","name":"shell"}}'
        echo '{DONE}'
        """,
    # Prints garbage and exits non-zero.
    "garbage": """
        #!/bin/sh
        echo 'Traceback (most recent call last):'
        echo '{"half": '
        exit 3
        """,
    # Hangs, with a grandchild that would outlive it.
    "hanger": f"""
        #!/bin/sh
        echo '{STEP}'
        {HANG} &
        {HANG}
        """,
    # Fixes the bug, then destroys the sandbox's git metadata.
    "git-wrecker": f"""
        #!/bin/sh
        sed -i 's/a - b/a + b/' calc.py
        rm -rf .git
        echo '{DONE}'
        """,
    # Does not fix the bug but edits the hidden test's path to make it pass.
    "cheater": f"""
        #!/bin/sh
        echo 'print("ok")' > test_hidden.py
        echo '{DONE}'
        """,
    # Keeps calling the model: crosses max_steps.
    "spender": f"""
        #!/bin/sh
        for i in 1 2 3 4 5 6 7 8 9 10; do echo '{STEP}'; done
        sleep 5
        echo '{DONE}'
        """,
    # Fixes, adds a new file in a new folder and a binary file.
    "builder": f"""
        #!/bin/sh
        sed -i 's/a - b/a + b/' calc.py
        mkdir -p docs/notes && echo "notes" > docs/notes/fix.md
        printf '\\000\\001\\002' > blob.bin
        rm README.md
        echo '{DONE}'
        """,
}


def write_config(tmp_path: Path, names, extra=""):
    agents = tmp_path / "agents"
    for name in names:
        write(agents / f"{name}.sh", AGENTS[name], executable=True)
    text = extra + "\n"
    for name in names:
        limits = ""
        if name == "hanger":
            limits = "[contender.limits]\nwall_time_s = 1\n"
        if name == "spender":
            limits = "[contender.limits]\nmax_steps = 3\n"
        text += (f'[[contender]]\nname = "{name}"\nrunner = "command"\nmodel = "m"\n'
                 f'command = ["{agents / (name + ".sh")}"]\n{limits}\n')
    config = tmp_path / "config.toml"
    config.write_text(text)
    return config


@pytest.fixture(scope="module")
def campaign(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("run")
    suite = make_suite(tmp_path, ["add-one", "add-two"])
    config = write_config(tmp_path, list(AGENTS))
    out = tmp_path / "out"
    result = landed("run", suite, "--config", config, "--out", out, "-j", "2",
                    "--cache", tmp_path / "cache")
    return result, out, suite, config


def by_contender(records, task="add-one"):
    return {r["contender"]["id"]: r for r in records if r["task_id"] == task}


def test_one_record_per_attempt_and_summary(campaign):
    result, out, _, _ = campaign
    assert result.returncode == 0, result.stderr
    records = read_records(out)
    assert len(records) == 2 * len(AGENTS)
    assert len({r["attempt_id"] for r in records}) == len(records)
    for name in AGENTS:
        assert name in result.stdout
    assert str(out / "records.jsonl") in result.stdout
    assert "\r" not in result.stderr  # no progress line when not a terminal


def test_outcomes_follow_what_each_agent_did(campaign):
    _, out, _, _ = campaign
    records = by_contender(read_records(out))
    assert records["fixer"]["outcome"] == "pass"
    assert records["builder"]["outcome"] == "pass"
    assert records["git-wrecker"]["outcome"] == "pass"
    assert records["garbage"]["outcome"] == "agent_error"
    assert "without a final event" in records["garbage"]["reason"]
    assert records["hanger"]["outcome"] == "timeout"
    assert records["spender"]["outcome"] == "over_budget"
    assert records["spender"]["agent"]["limit_hit"] == "steps"
    assert records["cheater"]["outcome"] == "fail"
    assert records["cheater"]["patch"]["hidden_test_edits"] == ["test_hidden.py"]
    assert "hidden-test" in records["cheater"]["reason"]


def test_usage_is_recorded_and_null_when_unknown(campaign):
    _, out, _, _ = campaign
    records = by_contender(read_records(out))
    fixer = records["fixer"]
    assert fixer["input_tokens"] == 100
    assert fixer["cache_read_tokens"] == 10
    assert fixer["output_tokens"] == 20
    assert fixer["cache_write_tokens"] is None
    assert fixer["steps"] == 1
    assert fixer["tool_calls"] == 1
    assert records["git-wrecker"]["input_tokens"] is None
    assert records["git-wrecker"]["steps"] is None


def test_record_has_ids_timings_and_logs(campaign):
    _, out, _, _ = campaign
    record = by_contender(read_records(out))["builder"]
    assert record["schema"] == 1
    assert record["attempt_id"] == "add-one/builder/r0"
    assert len(record["task_digest"]) == 64
    assert record["contender"]["fingerprint"]
    for phase in ("sandbox_s", "agent_s", "verify_s", "check_s"):
        assert record["timing"][phase] is not None and record["timing"][phase] >= 0
    assert record["verify"]["exit_code"] == 0
    assert (out / record["verify"]["log_path"]).read_text().strip().endswith("ok")
    assert record["check"]["exit_code"] == 0
    patch = (out / record["patch"]["path"]).read_text(errors="replace")
    assert "docs/notes/fix.md" in patch and "blob.bin" in patch and "README.md" in patch
    assert record["patch"]["files_changed"] == 4
    assert record["patch"]["bytes"] == len((out / record["patch"]["path"]).read_bytes())
    assert (out / record["agent"]["stdout_path"]).exists()
    assert record["started_at"] <= record["finished_at"]


def test_campaign_metadata(campaign):
    _, out, _, _ = campaign
    meta = json.loads((out / "campaign.json").read_text())
    assert meta["suite"]["name"] == "mini"
    assert len(meta["suite"]["digest"]) == 64
    assert meta["harness"]["version"] and meta["harness"]["commit"]
    assert meta["started_at"] and meta["finished_at"]
    assert len(meta["config"]["contenders"]) == len(AGENTS)
    assert meta["host"]
    assert meta["attempts"]["recorded"] == 2 * len(AGENTS)


def test_no_orphans_and_no_sandboxes_left(campaign):
    _, out, _, _ = campaign
    assert not (out / "sandboxes").exists()
    # The hanger's sleeping children (and grandchild) must be gone.
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert HANG not in ps


def test_existing_campaign_needs_resume(campaign):
    _, out, suite, config = campaign
    again = landed("run", suite, "--config", config, "--out", out)
    assert again.returncode == 2
    assert "--resume" in again.stderr


def test_resume_of_a_finished_campaign_runs_nothing(campaign, tmp_path):
    _, out, suite, config = campaign
    before = read_records(out)
    again = landed("run", suite, "--config", config, "--out", out, "--resume",
                   "--cache", tmp_path / "cache")
    assert again.returncode == 0, again.stderr
    assert read_records(out) == before


def test_bad_config_exits_two_naming_the_file(tmp_path):
    suite = make_suite(tmp_path)
    config = tmp_path / "bad.toml"
    config.write_text('[[contender]]\nrunner = "noop"\ncolour = "red"\n')
    result = landed("run", suite, "--config", config, "--out", tmp_path / "out")
    assert result.returncode == 2
    assert "bad.toml:3" in result.stderr


def test_secret_values_never_reach_a_file(tmp_path):
    suite = make_suite(tmp_path)
    agent = tmp_path / "leaky.sh"
    write(agent, f"""
        #!/bin/sh
        echo "my key is $API_KEY"
        echo "$API_KEY" >&2
        echo '{DONE}'
        """, executable=True)
    config = tmp_path / "config.toml"
    config.write_text(f'[[contender]]\nrunner = "command"\ncommand = ["{agent}"]\n'
                      'env_from = { API_KEY = "LANDED_E2E_SECRET" }\n')
    out = tmp_path / "out"
    secret = "sk-e2e-0123456789abcdef"
    env = dict(os.environ, LANDED_E2E_SECRET=secret)
    result = landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "c",
                    env=env)
    assert result.returncode == 0, result.stderr
    for path in out.rglob("*"):
        if path.is_file():
            assert secret not in path.read_text(errors="replace"), path
    stdout = next(out.rglob("agent.stdout")).read_text()
    assert "[redacted]" in stdout


def test_missing_secret_stops_before_running(tmp_path):
    suite = make_suite(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text('[[contender]]\nrunner = "noop"\nenv_from = { K = "LANDED_E2E_UNSET_VAR" }\n')
    env = {k: v for k, v in os.environ.items() if k != "LANDED_E2E_UNSET_VAR"}
    result = landed("run", suite, "--config", config, "--out", tmp_path / "out", env=env)
    assert result.returncode == 2
    assert "LANDED_E2E_UNSET_VAR" in result.stderr


def test_provider_outage_is_retried_with_backoff_then_kept_apart(tmp_path):
    """An agent whose provider fails once is retried and passes; one that never answers stays
    infra_error after the bounded retries, and neither counts as a fail."""
    suite = make_suite(tmp_path, ["add-one"])
    counter = tmp_path / "calls"
    flaky = write(tmp_path / "agents" / "flaky.sh", f"""
        #!/bin/sh
        echo x >> {counter}
        if [ $(wc -l < {counter}) -lt 2 ]; then
          echo '{{"event":"final","status":"infra_error","reason":"429 rate limited"}}'
          exit 1
        fi
        sed -i 's/a - b/a + b/' calc.py
        echo '{DONE}'
        """, executable=True)
    down = write(tmp_path / "agents" / "down.sh", """
        #!/bin/sh
        echo '{"event":"final","status":"infra_error","reason":"503 from the provider"}'
        exit 1
        """, executable=True)
    config = tmp_path / "config.toml"
    config.write_text("".join(
        f'[[contender]]\nname = "{name}"\nrunner = "command"\nmodel = "m"\n'
        f'command = ["{tmp_path / "agents" / (name + ".sh")}"]\n\n' for name in ("flaky", "down")))
    out = tmp_path / "out"
    started = time.monotonic()
    # The fake provider's state (the call counter) lives outside the sandbox, which isolation
    # would (rightly) hide from the agent.
    result = landed("run", suite, "--config", config, "--out", out, "-j", "1", "--isolation", "none",
                    "--infra-retries", "2", "--infra-backoff-ms", "300", "--cache", tmp_path / "cache")
    elapsed = time.monotonic() - started
    # "down" had nothing measured: exit 3, and the summary says why, naming it.
    assert result.returncode == 3, result.stderr
    assert "contender down: nothing measured: all 1 attempts ended in infra_error" in result.stderr
    assert "503" in result.stderr
    assert "contender flaky" not in result.stderr
    records = {r["contender"]["id"]: r for r in read_records(out)}
    assert records["flaky"]["outcome"] == "pass"
    assert records["flaky"]["infra_retries"] == 1
    assert records["down"]["outcome"] == "infra_error"
    assert records["down"]["infra_retries"] == 2
    assert "503" in records["down"]["reason"]
    assert len(counter.read_text().splitlines()) == 2
    # Three waits happened: >= 0.75 x (300 + 300 + 600) ms.
    assert elapsed >= 0.9
