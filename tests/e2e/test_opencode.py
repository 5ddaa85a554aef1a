"""opencode end to end: `landed run` with the real `opencode` (from npm, tests/agent_clis)
pointed at the scripted fake LLM server on 127.0.0.1 through options.base_url (an
OpenAI-compatible provider). Opt-in: opencode 1.18.33 installs @opencode-ai/plugin from
registry.npmjs.org into its fresh config folder at every start (a network fetch outside
127.0.0.1, and 1-3 minutes on a loaded machine), so ctest skips it unless
LANDED_E2E_OPENCODE=1."""
import os
from pathlib import Path

import pytest

from conftest import agent_cli, landed, make_suite, read_records
from test_landed_agent import FIELDS, FIX, fake_llm, served, served_usage

pytestmark = pytest.mark.skipif(os.environ.get("LANDED_E2E_OPENCODE") != "1",
                                reason="opencode fetches from registry.npmjs.org at start; "
                                       "set LANDED_E2E_OPENCODE=1 to run")
SECRET = "oc-landed-e2e-fake-0123456789"


def run_opencode(tmp_path: Path, port: int, limits=""):
    suite = make_suite(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(
        '[[contender]]\nname = "opencode"\nrunner = "opencode"\nmodel = "fake/fake-model"\n'
        'effort = "high"\n'
        'env_from = { OPENCODE_PROVIDER_API_KEY = "LANDED_E2E_FAKE_KEY" }\n'
        f'[contender.options]\nexecutable = "{agent_cli("opencode")}"\n'
        f'base_url = "http://127.0.0.1:{port}/v1"\n{limits}')
    out = tmp_path / "out"
    result = landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "cache",
                    "--infra-retries", "0", timeout=600,
                    env=dict(os.environ, LANDED_E2E_FAKE_KEY=SECRET))
    records = read_records(out)
    # Exit 3 when the one contender had nothing measured (its attempt was an infra_error).
    unmeasured = all(r["outcome"] == "infra_error" for r in records)
    assert result.returncode == (3 if unmeasured else 0), result.stderr
    assert len(records) == 1
    return records[0], out


def test_opencode_fixes_the_task_and_records_the_served_usage(tmp_path):
    script = {"turns": [
        {"tool_call": {"command": FIX}, "text": "Fixing the operator.",
         "usage": {"input": 1200, "cache_read": 300, "cache_write": 0, "output": 80,
                   "reasoning": 20}},
        {"text": "Fixed the bug.",
         "usage": {"input": 1500, "cache_read": 1400, "cache_write": 0, "output": 30,
                   "reasoning": 5}},
    ]}
    with fake_llm(tmp_path, script) as (port, log):
        record, out = run_opencode(tmp_path, port)
        entries = [e for e in served(log) if e.get("turn") is not None]
    assert record["outcome"] == "pass", record["reason"]
    assert [e["kind"] for e in entries] == ["tool_call", "text"]
    expected = served_usage(entries)
    expected["cache_write_tokens"] = 0  # Chat Completions has no cache-write kind; opencode says 0
    for field in FIELDS:
        assert record[field] == expected[field], field
    assert record["steps"] == 2
    assert record["tool_calls"] == 1
    # --variant high reached the request as the Chat Completions reasoning effort.
    assert entries[0]["request"].get("reasoning_effort") == "high"
    assert "+    return a + b" in (out / record["patch"]["path"]).read_text()
    for path in out.rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_text(errors="replace"), path
