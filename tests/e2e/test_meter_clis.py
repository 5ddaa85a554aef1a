"""Metering at the wire with the real agent CLIs (from npm, tests/agent_clis): each contender is
metered by default, so `landed run` points the CLI at its attempt's base URL on the metering
proxy and the scripted fake LLM server is the proxy's upstream (the base URL the contender named
itself). What the proxy metered must equal what the fake served, call by call; sub-agent calls
are attributed to their own model; a $0.01 cap stops the attempt after the call that crossed it;
concurrent attempts keep their usage apart. The pinned CLIs report their usage correctly (a
sub-agent's included), so usage_mismatch is empty here; the flag itself is tested with a
scripted tool whose report is wrong (test_meter.py)."""
import json
import os
from pathlib import Path

import pytest

import test_claude_code
import test_codex
import test_gemini_cli
import test_opencode
from conftest import agent_cli, landed, make_suite, read_records
from test_landed_agent import FIELDS, FIX, SECRET, fake_llm, served, served_usage

SCRIPT = {"turns": [
    {"tool_call": {"command": FIX}, "text": "Fixing the operator.",
     "usage": {"input": 1200, "cache_read": 300, "cache_write": 0, "output": 80, "reasoning": 20}},
    {"text": "Fixed the bug.",
     "usage": {"input": 1500, "cache_read": 1400, "cache_write": 0, "output": 30, "reasoning": 5}},
]}


def model_turns(log):
    return [e for e in served(log) if e.get("turn") is not None]


def meter_log(out, record):
    folder = out / Path(record["agent"]["stdout_path"]).parent
    return [json.loads(line) for line in (folder / "meter.jsonl").read_text().splitlines()]


def metered_view(entry):
    """What the proxy records of one served call: the fake's normalized usage, with OpenAI's and
    Gemini's cache writes a known 0 (they bill none) and Anthropic's reasoning unknown."""
    usage = dict(entry["usage"])
    if usage["cache_write_tokens"] is None:
        usage["cache_write_tokens"] = 0
    return usage


def assert_metered_call_by_call(record, out, entries):
    calls = [c for c in meter_log(out, record) if c["model"] is not None]
    assert [c["status"] for c in calls] == [e["status"] for e in entries]
    assert [{f: c["usage"][f] for f in FIELDS} for c in calls] == [metered_view(e) for e in entries]
    assert all(c["ttfb_s"] is not None and c["total_s"] >= c["ttfb_s"] for c in calls)
    metered = record["metered"]
    assert metered["calls"] == len(entries)
    assert metered["complete"] is True
    totals = {f: metered[f] for f in FIELDS}
    expected = served_usage([{"usage": metered_view(e)} for e in entries])
    assert totals == expected
    # The record's usage is the metered one, and the CLI's own report agreed with it.
    assert {f: record[f] for f in FIELDS} == expected
    assert record["usage_source"] == "both"
    assert record["usage_mismatch"] == [], record["tool_usage"]
    # The CLI reached the fake through the proxy: the fake never saw the attempt's token path.
    assert all(not e["path"].startswith("/a/") for e in entries)
    for path in out.rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_text(errors="replace"), path


def test_claude_code_is_metered_call_by_call(tmp_path):
    with fake_llm(tmp_path, test_claude_code.script(FIX, {"cache_write": 7})) as (port, log):
        record, out = test_claude_code.run_claude(tmp_path, port)
        entries = model_turns(log)
    assert record["outcome"] == "pass", record["reason"]
    assert_metered_call_by_call(record, out, entries)
    # Claude Code's count_tokens and probes went through the proxy too, metered as non-model calls.
    assert record["metered"]["models"][0]["model"] == test_claude_code.MODEL


def test_codex_is_metered_call_by_call(tmp_path):
    with fake_llm(tmp_path, SCRIPT) as (port, log):
        record, out = test_codex.run_codex(tmp_path, port)
        entries = model_turns(log)
    assert record["outcome"] == "pass", record["reason"]
    assert {e["endpoint"] for e in entries} == {"openai-responses"}
    assert_metered_call_by_call(record, out, entries)


def test_gemini_cli_is_metered_call_by_call(tmp_path):
    with fake_llm(tmp_path, SCRIPT) as (port, log):
        record, out = test_gemini_cli.run_gemini(tmp_path, port)
        entries = model_turns(log)
    assert record["outcome"] == "pass", record["reason"]
    assert {e["endpoint"] for e in entries} == {"gemini"}
    assert_metered_call_by_call(record, out, entries)


@pytest.mark.skipif(os.environ.get("LANDED_E2E_OPENCODE") != "1",
                    reason="opencode fetches from registry.npmjs.org at start; set "
                           "LANDED_E2E_OPENCODE=1 to run")
def test_opencode_is_metered_call_by_call(tmp_path):
    with fake_llm(tmp_path, SCRIPT) as (port, log):
        record, out = test_opencode.run_opencode(tmp_path, port)
        entries = model_turns(log)
    assert record["outcome"] == "pass", record["reason"]
    assert_metered_call_by_call(record, out, entries)


def test_codex_turn_that_fails_is_metered_call_by_call_with_its_error_counted(tmp_path):
    """The second call gets HTTP 400: Codex fails the turn. The proxy metered the answered call
    and counted the failed one by its status; Codex's own report (its session file) agrees."""
    script = {"turns": [SCRIPT["turns"][0],
                        {"error": {"status": 400, "message": "bad request", "forever": True}}]}
    with fake_llm(tmp_path, script) as (port, log):
        record, out = test_codex.run_codex(tmp_path, port)
        entries = model_turns(log)
    answered = [e for e in entries if e["status"] == 200]
    assert len(answered) == 1 and len(entries) >= 2
    assert record["outcome"] == "agent_error", record["reason"]
    assert {f: record[f] for f in FIELDS} == metered_view(answered[0])
    assert record["metered"]["calls"] == len(entries)
    assert record["metered"]["errors_by_status"] == {"400": len(entries) - 1}
    assert record["usage_source"] == "both" and record["usage_mismatch"] == []


def one_cent_prices(tmp_path, model):
    prices = tmp_path / "prices.toml"  # $10 per million tokens of any kind
    prices.write_text(f'[models."{model}"]\ninput = 10.0\ncache_read = 10.0\n'
                      'cache_write = 10.0\noutput = 10.0\n')
    return prices


def test_claude_code_under_a_one_cent_cap_stops_after_the_crossing_call(tmp_path):
    """Claude Code streams its usage, so landed's runner may stop it on its own report before the
    proxy has to refuse a call; either way no call after the crossing one reaches the provider."""
    prices = one_cent_prices(tmp_path, test_claude_code.MODEL)
    turn = {"tool_call": {"command": "echo step"}, "usage": {"input": 600, "output": 100}}
    with fake_llm(tmp_path, {"turns": [turn] * 8 + [{"text": "done"}]}) as (port, log):
        record, out = test_claude_code.run_claude(
            tmp_path, port, "[contender.limits]\nmax_usd = 0.01\n", ("--prices", prices))
        entries = model_turns(log)
    assert record["outcome"] == "over_budget", record["reason"]
    assert record["agent"]["limit_hit"] == "usd"
    # $0.007 a call: the second crossed $0.01; no third call reached the provider.
    assert len(entries) == 2
    metered = record["metered"]
    assert metered["calls"] - metered["errors_by_status"].get("refused", 0) == 2
    assert metered["cost_usd"] == pytest.approx(0.014)
    assert record["cost_usd"] == pytest.approx(0.014)  # overrun $0.004: less than the one call
    if metered["limit_hit"] is not None:
        assert metered["limit_hit"] == "usd" and 0 < metered["overrun"] <= 0.007 + 1e-9
    # Stopped by landed: the CLI's partial report is not compared.
    assert record["usage_mismatch"] == []


def test_codex_under_a_one_cent_cap_stops_after_the_crossing_call(tmp_path):
    """As for Claude Code: landed's runner reads Codex's per-call usage as it runs, so it or the
    proxy (the HTTP 429 refusal: test_meter.py) stops the attempt after the crossing call."""
    prices = one_cent_prices(tmp_path, test_codex.MODEL)
    turn = {"tool_call": {"command": "echo step"}, "usage": {"input": 600, "output": 100}}
    with fake_llm(tmp_path, {"turns": [turn] * 8 + [{"text": "done"}]}) as (port, log):
        record, out = test_codex.run_codex(tmp_path, port, "[contender.limits]\nmax_usd = 0.01\n",
                                           extra_flags=("--prices", prices))
        entries = model_turns(log)
    assert record["outcome"] == "over_budget", record["reason"]
    assert record["agent"]["limit_hit"] == "usd"
    assert len(entries) == 2  # $0.007 a call: the second crossed $0.01; no third was served
    metered = record["metered"]
    assert metered["calls"] - metered["errors_by_status"].get("refused", 0) == 2
    assert record["cost_usd"] == pytest.approx(0.014)  # overrun $0.004: less than the one call
    if metered["limit_hit"] is not None:
        assert metered["limit_hit"] == "usd" and 0 < metered["overrun"] <= 0.007 + 1e-9
        refused = [c for c in meter_log(out, record) if c["refused"]]
        assert refused and all(c["status"] == 429 for c in refused)


def test_eight_concurrent_codex_attempts_keep_their_usage_apart(tmp_path):
    # The fake serves turns in arrival order, so any attempt may take any turn: every turn's
    # usage is distinct, and each attempt's metered calls must be ones the fake served.
    script = {"turns": [({"tool_call": {"command": FIX}} if j % 2 == 0 else {"text": "done"})
                        | {"usage": {"input": 1000 + j, "output": 10 + j}} for j in range(40)]}
    tasks = tuple(f"task-{i}" for i in range(8))
    suite = make_suite(tmp_path, task_ids=tasks)
    with fake_llm(tmp_path, script) as (port, log):
        config = tmp_path / "config.toml"
        config.write_text(
            f'[[contender]]\nname = "codex"\nrunner = "codex"\nmodel = "{test_codex.MODEL}"\n'
            f'effort = "low"\ncommand = ["{agent_cli("codex")}"]\n'
            f'args = [{test_codex.provider_args(port)}]\n'
            'env_from = { FAKE_KEY = "LANDED_E2E_FAKE_KEY" }\n')
        out = tmp_path / "out"
        result = landed("run", suite, "--config", config, "--out", out, "--cache",
                        tmp_path / "cache", "--infra-retries", "0", "-j", "8", timeout=600,
                        env=dict(os.environ, LANDED_E2E_FAKE_KEY=SECRET))
        assert result.returncode == 0, result.stderr
        entries = model_turns(log)
    records = read_records(out)
    assert len(records) == 8
    by_usage = {json.dumps(metered_view(e), sort_keys=True) for e in entries}
    seen = []
    for record in records:
        calls = [c for c in meter_log(out, record) if c["model"] is not None]
        assert len(calls) == record["metered"]["calls"] >= 1
        for call in calls:
            key = json.dumps({f: call["usage"][f] for f in FIELDS}, sort_keys=True)
            assert key in by_usage, call  # each call is one the fake served
            seen.append(key)
        assert record["usage_mismatch"] == [], record["task_id"]
    # Every served call was metered for exactly one attempt.
    assert sorted(seen) == sorted(json.dumps(metered_view(e), sort_keys=True) for e in entries)


def test_claude_code_sub_agent_calls_are_metered_and_attributed_to_their_model(tmp_path):
    """The main model delegates to a sub-agent (Claude Code's Agent tool, model haiku): the proxy
    meters the sub-agent's call under the model the provider served, apart from the main model."""
    agent_call = {"tool_call": {"command": "true", "tool": "Agent",
                                "arguments": {"description": "check calc", "prompt": "Say done.",
                                              "subagent_type": "general-purpose",
                                              "model": "haiku"}},
                  "usage": {"input": 1000, "output": 40}}
    script = {"turns": [agent_call,
                        {"text": "done", "usage": {"input": 5000, "output": 300}},
                        {"tool_call": {"command": FIX}, "usage": {"input": 1200, "output": 50}},
                        {"text": "Fixed.", "usage": {"input": 1300, "output": 20}}]}
    with fake_llm(tmp_path, script) as (port, log):
        record, out = test_claude_code.run_claude(tmp_path, port)
        entries = model_turns(log)
    models = {m["model"]: m for m in record["metered"]["models"]}
    served_models = {e["model"] for e in entries}
    assert set(models) == served_models and len(served_models) == 2, served_models
    for model, m in models.items():
        mine = [e for e in entries if e["model"] == model]
        assert m["calls"] == len(mine)
        assert {f: m[f] for f in FIELDS} == served_usage(mine)
    # Claude Code 2.1.197 counts its sub-agent in its own modelUsage: the two reports agree.
    assert record["usage_mismatch"] == []
    tool_models = {m["model"] for m in record["tool_usage"]["models"]}
    assert tool_models == served_models
