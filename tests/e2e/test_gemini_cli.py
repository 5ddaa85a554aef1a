"""Gemini CLI end to end: `landed run` with the real `gemini` (from npm, tests/agent_clis) pointed
at the scripted fake LLM server on 127.0.0.1 (GOOGLE_GEMINI_BASE_URL). The record's usage must
equal what the server served, the CLI's edit must reach the patch, and the hidden tests decide."""
import json
import os
from pathlib import Path

from conftest import agent_cli, landed, make_suite, read_records
from test_landed_agent import FIELDS, FIX, fake_llm, served, served_usage

SECRET = "gemini-landed-e2e-fake-0123456789"
MODEL = "gemini-2.5-flash"


def run_gemini(tmp_path: Path, port: int, limits=""):
    suite = make_suite(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(
        f'[[contender]]\nname = "gemini"\nrunner = "gemini-cli"\nmodel = "{MODEL}"\n'
        'effort = "low"\n'
        f'env = {{ GOOGLE_GEMINI_BASE_URL = "http://127.0.0.1:{port}" }}\n'
        'env_from = { GEMINI_API_KEY = "LANDED_E2E_FAKE_KEY" }\n'
        f'[contender.options]\nexecutable = "{agent_cli("gemini")}"\n{limits}')
    out = tmp_path / "out"
    result = landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "cache",
                    "--infra-retries", "0", timeout=240,
                    env=dict(os.environ, LANDED_E2E_FAKE_KEY=SECRET))
    records = read_records(out)
    # Exit 3 when the one contender had nothing measured (its attempt was an infra_error).
    unmeasured = all(r["outcome"] == "infra_error" for r in records)
    assert result.returncode == (3 if unmeasured else 0), result.stderr
    assert len(records) == 1
    return records[0], out


def model_requests(log: Path):
    return [e for e in served(log) if e.get("turn") is not None]


def test_gemini_fixes_the_task_and_records_the_served_usage(tmp_path):
    script = {"turns": [
        {"tool_call": {"command": FIX}, "text": "Fixing the operator.",
         "usage": {"input": 1200, "cache_read": 300, "cache_write": 0, "output": 80,
                   "reasoning": 20}},
        {"text": "Fixed the bug.",
         "usage": {"input": 1500, "cache_read": 1400, "cache_write": 0, "output": 30,
                   "reasoning": 5}},
    ]}
    with fake_llm(tmp_path, script) as (port, log):
        record, out = run_gemini(tmp_path, port)
        entries = model_requests(log)
    assert record["outcome"] == "pass", record["reason"]
    assert [e["kind"] for e in entries] == ["tool_call", "text"]
    assert {e["endpoint"] for e in entries} == {"gemini"}
    expected = served_usage(entries)
    # generateContent has no cache-write kind: the server logs null, the runner records 0.
    assert expected["cache_write_tokens"] is None
    expected["cache_write_tokens"] = 0
    for field in FIELDS:
        assert record[field] == expected[field], field
    assert (record["input_tokens"], record["cache_read_tokens"], record["output_tokens"],
            record["reasoning_tokens"]) == (2700, 1700, 110, 25)
    assert record["steps"] == 2
    assert record["tool_calls"] == 1
    assert record["agent"]["model_reported"] == MODEL
    assert [m["model"] for m in record["models"]] == [MODEL]
    assert record["price_status"] == "priced"
    patch = (out / record["patch"]["path"]).read_text()
    assert "+    return a + b" in patch
    # effort "low" reached the request as the model's thinking budget.
    thinking = entries[0]["request"]["generationConfig"]["thinkingConfig"]
    assert thinking["thinkingBudget"] == 1024
    for path in out.rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_text(errors="replace"), path


def test_gemini_that_does_not_fix_fails_the_hidden_tests(tmp_path):
    script = {"turns": [{"text": "Looks fine to me.", "usage": {"input": 500, "output": 12}}]}
    with fake_llm(tmp_path, script) as (port, log):
        record, _ = run_gemini(tmp_path, port)
        entries = model_requests(log)
    assert record["outcome"] == "fail", record["reason"]
    assert record["verify"]["exit_code"] != 0
    assert record["patch"]["path"] == ""
    assert record["input_tokens"] == 500 and record["output_tokens"] == 12
    assert len(entries) == 1


def test_gemini_crossing_max_steps_is_stopped_over_budget(tmp_path):
    script = {"turns": [{"tool_call": {"command": f"echo step{i}"},
                         "usage": {"input": 10, "output": 5}} for i in range(6)]
              + [{"text": "done", "usage": {"input": 10, "output": 5}}]}
    with fake_llm(tmp_path, script) as (port, log):
        record, _ = run_gemini(tmp_path, port, limits="[contender.limits]\nmax_steps = 2\n")
        entries = model_requests(log)
    assert record["outcome"] == "over_budget", record["reason"]
    assert record["agent"]["limit_hit"] == "steps"
    # Whichever stops it first names the limit: the runner ("limit of 2") or the metering
    # proxy that refuses the call past it ("max_steps").
    assert "limit of 2" in record["reason"] or "(max_steps)" in record["reason"], record["reason"]
    assert len(entries) < 6  # stopped before the script ran out


def test_gemini_bad_request_is_an_agent_error_with_the_apis_message(tmp_path):
    script = {"turns": [{"error": {"status": 400, "message": "no such model: gemini-2.5-flash"}}]}
    with fake_llm(tmp_path, script) as (port, log):
        record, _ = run_gemini(tmp_path, port)
        entries = model_requests(log)
    assert record["outcome"] == "agent_error", record["reason"]
    assert "no such model: gemini-2.5-flash" in record["reason"]
    assert record["agent"]["exit_code"] == 400 % 256
    assert len(entries) == 1  # a 400 is not retried
