"""landed-agent end to end: `landed run` with the built-in agent against the scripted fake LLM
server (tests/fake_llm) on 127.0.0.1, once per API. The record's usage must equal what the
server served, the agent's edit must reach the patch, and the hidden tests decide."""
import json
import os
import selectors
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import LANDED, landed, make_suite, read_records

FAKE_LLM = Path(LANDED).resolve().parent / "tests" / "fake_llm" / "fake-llm"
SECRET = "sk-landed-e2e-fake-0123456789"
FIX = "sed -i 's/a - b/a + b/' calc.py"

# The base URL each API's clients are given: OpenAI's includes /v1, Anthropic's does not.
APIS = {"openai-chat": "/v1", "openai-responses": "/v1", "anthropic": ""}
# Where each API's request carries the effort level "low".
EFFORT_FIELDS = {
    "openai-chat": lambda body: body["reasoning_effort"] == "low",
    "openai-responses": lambda body: body["reasoning"] == {"effort": "low"},
    "anthropic": lambda body: body["thinking"] == {"type": "enabled", "budget_tokens": 4096},
}
FIELDS = ("input_tokens", "cache_read_tokens", "cache_write_tokens", "output_tokens",
          "reasoning_tokens")

FIX_SCRIPT = {"turns": [
    {"tool_call": {"command": FIX}, "text": "Fixing the operator.",
     "usage": {"input": 1200, "cache_read": 300, "cache_write": 100, "output": 80,
               "reasoning": 20}},
    {"text": "Fixed the bug.",
     "usage": {"input": 1500, "cache_read": 1400, "cache_write": 0, "output": 30,
               "reasoning": 0}},
]}


@contextmanager
def fake_llm(tmp_path: Path, script: dict):
    """Starts fake-llm on a free port; yields (port, log path); always stops it."""
    assert FAKE_LLM.exists(), f"build fake-llm first: {FAKE_LLM}"
    script_path = tmp_path / "script.json"
    script_path.write_text(json.dumps(script))
    log = tmp_path / "fake-llm.jsonl"
    server = subprocess.Popen([FAKE_LLM, "--script", script_path, "--log", log, "--log-bodies",
                               "--idle-exit", "60", "--max-requests", "100"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                              stdin=subprocess.DEVNULL)
    try:
        with selectors.DefaultSelector() as selector:
            selector.register(server.stdout, selectors.EVENT_READ)
            assert selector.select(timeout=30), "fake-llm did not start"
        first = server.stdout.readline().split()
        assert first[:2] == ["listening", "on"], first
        yield int(first[2]), log
    finally:
        server.terminate()
        server.wait(timeout=10)


def served(log: Path):
    return [json.loads(line) for line in log.read_text().splitlines() if line.strip()]


def served_usage(entries):
    """The sum of the normalized usage served, null where every request's count was null."""
    total = {}
    for field in FIELDS:
        values = [e["usage"][field] for e in entries if e.get("usage")
                  and e["usage"][field] is not None]
        total[field] = sum(values) if values else None
    return total


def run_agent(tmp_path: Path, api: str, port: int, limits="", extra_env="", exit_code=0):
    suite = make_suite(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(
        '[[contender]]\nname = "agent"\nrunner = "landed-agent"\nmodel = "fake-model"\n'
        'effort = "low"\n'
        f'env = {{ LANDED_AGENT_BACKOFF_MS = "10", LANDED_AGENT_COMMAND_TIMEOUT_S = "30"'
        f'{extra_env} }}\n'
        'env_from = { LANDED_AGENT_API_KEY = "LANDED_E2E_FAKE_KEY" }\n'
        f'[contender.options]\napi = "{api}"\n'
        f'base_url = "http://127.0.0.1:{port}{APIS[api]}"\n{limits}')
    out = tmp_path / "out"
    result = landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "cache",
                    "--infra-retries", "0", timeout=120,
                    env=dict(os.environ, LANDED_E2E_FAKE_KEY=SECRET))
    assert result.returncode == exit_code, result.stderr
    records = read_records(out)
    assert len(records) == 1
    return records[0], out


@pytest.mark.parametrize("api", sorted(APIS))
def test_agent_fixes_the_task_and_records_the_served_usage(tmp_path, api):
    with fake_llm(tmp_path, FIX_SCRIPT) as (port, log):
        record, out = run_agent(tmp_path, api, port)
        entries = [e for e in served(log) if e.get("turn") is not None]
    assert record["outcome"] == "pass", record["reason"]
    assert [e["kind"] for e in entries] == ["tool_call", "text"]
    assert {e["endpoint"] for e in entries} == {api}
    for field, value in served_usage(entries).items():
        # Metered: OpenAI has no cache-write charge, a known 0 where the fake logs null.
        if value is None and field == "cache_write_tokens" and api != "anthropic":
            value = 0
        assert record[field] == value, field
    assert record["steps"] == 2
    assert record["tool_calls"] == 1
    if api != "anthropic":  # known-zero: OpenAI bills no cache writes (runners/README.md)
        assert record["cache_write_tokens"] == 0
        assert record["price_status"] != "incomplete", record["price_status"]
    patch = (out / record["patch"]["path"]).read_text()
    assert "+    return a + b" in patch
    # The effort reached the API's reasoning setting; the command's result went back.
    assert EFFORT_FIELDS[api](entries[0]["request"])
    assert "exit status 0" in json.dumps(entries[1]["request"])
    for path in out.rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_text(errors="replace"), path


def test_provider_that_only_rate_limits_is_an_infra_error(tmp_path):
    script = {"turns": [{"error": {"status": 429, "forever": True, "message": "slow down"}}]}
    with fake_llm(tmp_path, script) as (port, log):
        record, _ = run_agent(tmp_path, "openai-chat", port,
                              extra_env=', LANDED_AGENT_RETRIES = "2"', exit_code=3)
        entries = [e for e in served(log) if e.get("turn") is not None]
    assert record["outcome"] == "infra_error", record["reason"]
    assert "slow down" in record["reason"]
    assert [e["status"] for e in entries] == [429, 429, 429]  # one try, two retries


def test_bad_request_is_an_agent_error_with_the_apis_message(tmp_path):
    script = {"turns": [{"error": {"status": 400, "message": "no such model: fake-model"}}]}
    with fake_llm(tmp_path, script) as (port, log):
        record, _ = run_agent(tmp_path, "anthropic", port)
        entries = [e for e in served(log) if e.get("turn") is not None]
    assert record["outcome"] == "agent_error"
    assert "no such model: fake-model" in record["reason"]
    assert len(entries) == 1


def test_agent_crossing_max_steps_is_stopped_over_budget(tmp_path):
    script = {"turns": [{"tool_call": {"command": "echo step"},
                         "usage": {"input": 10, "output": 5}}] * 6 + [{"text": "done"}]}
    with fake_llm(tmp_path, script) as (port, log):
        record, _ = run_agent(tmp_path, "openai-responses", port,
                              limits="[contender.limits]\nmax_steps = 2\n")
        entries = [e for e in served(log) if e.get("turn") is not None]
    assert record["outcome"] == "over_budget", record["reason"]
    assert record["agent"]["limit_hit"] == "steps"
    assert len(entries) < 6  # stopped before the script ran out


COMMAND_AGENT = """\
import json, os, subprocess
prompt = open(os.environ["LANDED_PROMPT_FILE"]).read()
assert "Fix it" in prompt
subprocess.run(["sed", "-i", "s/a - b/a + b/", "calc.py"], check=True)
print(json.dumps({"event": "step", "input_tokens": 10, "output_tokens": 5}))
print(json.dumps({"event": "final", "status": "done"}))
"""


def test_relative_out_config_and_command_reach_the_agents_as_absolute_paths(tmp_path):
    """`landed run suite --config config.toml --out campaigns/night1` from the suite's parent:
    the prompt file, the campaign folder and a `./agent.py` command (next to the config) are
    handed to the agents as absolute paths, so both agents fix the task. (The interpreter is
    this one, by its path: a pyenv shim on PATH would need pyenv inside the sandbox.)"""
    make_suite(tmp_path)
    (tmp_path / "agent.py").write_text(COMMAND_AGENT)
    with fake_llm(tmp_path, FIX_SCRIPT) as (port, _):
        (tmp_path / "config.toml").write_text(
            '[[contender]]\nname = "cmd"\nrunner = "command"\nmodel = "m"\n'
            f'command = ["{sys.executable}", "./agent.py"]\n\n'
            '[[contender]]\nname = "agent"\nrunner = "landed-agent"\nmodel = "fake-model"\n'
            'env = { LANDED_AGENT_BACKOFF_MS = "10" }\n'
            'env_from = { LANDED_AGENT_API_KEY = "LANDED_E2E_FAKE_KEY" }\n'
            f'[contender.options]\napi = "openai-chat"\nbase_url = "http://127.0.0.1:{port}/v1"\n')
        result = landed("run", "suite", "--config", "config.toml", "--out", "campaigns/night1",
                        "--cache", "cache", "--infra-retries", "0", timeout=120, cwd=tmp_path,
                        env=dict(os.environ, LANDED_E2E_FAKE_KEY=SECRET))
    assert result.returncode == 0, result.stderr
    records = {r["contender"]["id"]: r for r in read_records(tmp_path / "campaigns" / "night1")}
    assert sorted(records) == ["agent", "cmd"]
    for record in records.values():
        assert record["outcome"] == "pass", record["reason"]
