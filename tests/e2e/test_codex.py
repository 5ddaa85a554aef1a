"""Codex CLI end to end: `landed run` with the real `codex` CLI (pinned, from npm) pointed at the
scripted fake LLM server on 127.0.0.1 by `-c model_providers...` arguments in the contender's
args. The record's usage must equal what the server served, the agent's edit must reach the
patch, the hidden tests decide; limits stop it; a provider that only fails is an infra_error."""
import os

from conftest import agent_cli, landed, make_suite, read_records
from test_landed_agent import FIX, SECRET, fake_llm, served, served_usage

MODEL = "gpt-5.5"  # in Codex's catalogue: an unknown name makes Codex add an error item


def provider_args(port):
    args = ["model_provider=fake", "model_providers.fake.name=fake",
            f'model_providers.fake.base_url="http://127.0.0.1:{port}/v1"',
            "model_providers.fake.env_key=FAKE_KEY", "model_providers.fake.wire_api=responses",
            "model_providers.fake.request_max_retries=0", "model_providers.fake.stream_max_retries=0"]
    return ", ".join(f"'-c', '{a}'" for a in args)


def run_codex(tmp_path, port, limits="", options="", extra_flags=()):
    suite = make_suite(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(
        f'[[contender]]\nname = "codex"\nrunner = "codex"\nmodel = "{MODEL}"\neffort = "low"\n'
        f'command = ["{agent_cli("codex")}"]\nargs = [{provider_args(port)}]\n'
        'env_from = { FAKE_KEY = "LANDED_E2E_FAKE_KEY" }\n'
        f'[contender.options]\n{options}\n{limits}')
    out = tmp_path / "out"
    result = landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "cache",
                    "--infra-retries", "0", *extra_flags, timeout=240,
                    env=dict(os.environ, LANDED_E2E_FAKE_KEY=SECRET))
    records = read_records(out)
    # Exit 3 when the one contender had nothing measured (its attempt was an infra_error).
    unmeasured = all(r["outcome"] == "infra_error" for r in records)
    assert result.returncode == (3 if unmeasured else 0), result.stderr
    assert len(records) == 1
    return records[0], out


def model_turns(log):
    return [e for e in served(log) if e.get("turn") is not None]


def script(command):
    return {"turns": [
        {"tool_call": {"command": command}, "text": "Looking at calc.py.",
         "usage": {"input": 1200, "cache_read": 300, "cache_write": 100, "output": 80,
                   "reasoning": 20}},
        {"text": "Done.", "usage": {"input": 1500, "cache_read": 1400, "output": 30,
                                    "reasoning": 5}},
    ]}


def test_codex_fixes_the_task_and_records_the_served_usage(tmp_path):
    with fake_llm(tmp_path, script(FIX)) as (port, log):
        record, out = run_codex(tmp_path, port)
        entries = model_turns(log)
    assert record["outcome"] == "pass", record["reason"]
    assert [e["kind"] for e in entries] == ["tool_call", "text"]
    assert {e["endpoint"] for e in entries} == {"openai-responses"}
    served_totals = served_usage(entries)
    # The Responses API has no cache-write field (writes are billed as input there): cache
    # writes are known to be 0 (runners/README.md "Known-zero usage"), the server's normalized
    # usage says 0, Codex reports 0, and the written tokens are in the uncached input.
    assert served_totals.pop("cache_write_tokens") == 0
    assert record["cache_write_tokens"] == 0
    for field, value in served_totals.items():
        assert record[field] == value, field
    assert record["steps"] == 2  # counted from Codex's session log
    assert record["tool_calls"] == 1
    assert record["cost_usd_reported"] is None  # Codex reports no cost
    assert record["agent"]["model_reported"] == MODEL
    assert "+    return a + b" in (out / record["patch"]["path"]).read_text()
    assert entries[0]["request"]["reasoning"]["effort"] == "low"
    for path in out.rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_text(errors="replace"), path


def test_codex_edit_that_does_not_fix_fails_the_hidden_tests(tmp_path):
    with fake_llm(tmp_path, script("echo '# looked' >> README.md")) as (port, log):
        record, out = run_codex(tmp_path, port)
    assert record["outcome"] == "fail", record["reason"]
    assert "+# looked" in (out / record["patch"]["path"]).read_text()
    assert record["cache_read_tokens"] == 1700


def looping_script(calls=6):
    turns = [{"tool_call": {"command": f"echo step {i}"}, "usage": {"input": 1000, "output": 10}}
             for i in range(calls)]
    return {"turns": turns + [{"text": "done", "usage": {"input": 10, "output": 1}}]}


def test_codex_crossing_max_steps_is_stopped_over_budget(tmp_path):
    with fake_llm(tmp_path, looping_script()) as (port, log):
        record, _ = run_codex(tmp_path, port, "[contender.limits]\nmax_steps = 2\n")
        entries = model_turns(log)
    assert record["outcome"] == "over_budget", record["reason"]
    assert record["agent"]["limit_hit"] == "steps"
    assert len(entries) < 6
    # The metering proxy holds the limit at the wire: the call past max_steps is refused, so
    # the record counts the 2 calls that were served (the runner alone saw 3 before stopping).
    assert record["steps"] >= 2


def test_codex_crossing_max_usd_is_stopped_over_budget(tmp_path):
    prices = tmp_path / "prices.toml"  # $1 per 1000 input tokens: the second call crosses $1.5
    prices.write_text(f'[models."{MODEL}"]\ninput = 1000.0\ncache_read = 100.0\noutput = 1000.0\n')
    with fake_llm(tmp_path, looping_script()) as (port, log):
        record, _ = run_codex(tmp_path, port, "[contender.limits]\nmax_usd = 1.5\n",
                              extra_flags=("--prices", prices))
        entries = model_turns(log)
    assert record["outcome"] == "over_budget", record["reason"]
    assert record["agent"]["limit_hit"] == "usd"
    assert len(entries) < 6
    assert record["cost_usd"] > 1.5


def test_codex_against_a_failing_provider_is_an_infra_error(tmp_path):
    script_ = {"turns": [{"error": {"status": 503, "forever": True, "message": "overloaded"}}]}
    with fake_llm(tmp_path, script_) as (port, log):
        record, _ = run_codex(tmp_path, port)
    assert record["outcome"] == "infra_error", record["reason"]
    assert "provider unavailable" in record["reason"]


def test_codex_with_no_server_is_stopped_as_an_infra_error(tmp_path):
    # Codex waits for an unreachable provider forever; landed stops it after network_waits.
    with fake_llm(tmp_path, {"turns": [{"text": "unused"}]}) as (port, log):
        pass  # the server is gone: its port refuses connections now
    record, _ = run_codex(tmp_path, port, options="network_waits = 1\n")
    assert record["outcome"] == "infra_error", record["reason"]
    assert "provider unreachable" in record["reason"]
    assert record["agent"]["timed_out"] is False
