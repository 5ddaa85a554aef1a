"""Claude Code end to end: `landed run` with the real `claude` CLI (pinned, from npm) pointed at
the scripted fake LLM server on 127.0.0.1 through ANTHROPIC_BASE_URL. The record's usage must
equal what the server served, the agent's edit must reach the patch, the hidden tests decide;
limits stop it; a provider that only fails is an infra_error."""
import os

from conftest import agent_cli, landed, make_suite, read_records
from test_landed_agent import FIELDS, FIX, SECRET, fake_llm, served, served_usage

MODEL = "claude-opus-4-5"  # a model the CLI sends the effort for (it drops it for sonnet-4-5)


def run_claude(tmp_path, port, limits="", extra_flags=()):
    suite = make_suite(tmp_path)
    config = tmp_path / "config.toml"
    config.write_text(
        f'[[contender]]\nname = "claude"\nrunner = "claude-code"\nmodel = "{MODEL}"\n'
        f'effort = "low"\ncommand = ["{agent_cli("claude")}"]\n'
        f'env = {{ ANTHROPIC_BASE_URL = "http://127.0.0.1:{port}", CLAUDE_CODE_MAX_RETRIES = "1" }}\n'
        'env_from = { ANTHROPIC_API_KEY = "LANDED_E2E_FAKE_KEY" }\n' + limits)
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


def script(command, final_usage):
    return {"turns": [
        {"tool_call": {"command": command}, "text": "Looking at calc.py.",
         "usage": {"input": 1200, "cache_read": 300, "cache_write": 100, "output": 80}},
        {"text": "Done.", "usage": {"input": 1500, "cache_read": 1400, "output": 30, **final_usage}},
    ]}


def test_claude_fixes_the_task_and_records_the_served_usage(tmp_path):
    with fake_llm(tmp_path, script(FIX, {"cache_write": 7})) as (port, log):
        record, out = run_claude(tmp_path, port)
        entries = model_turns(log)
    assert record["outcome"] == "pass", record["reason"]
    assert [e["kind"] for e in entries] == ["tool_call", "text"]
    for field, value in served_usage(entries).items():
        assert record[field] == value, field
    assert record["steps"] == 2
    assert record["tool_calls"] == 1
    assert record["cost_usd_reported"] > 0
    assert record["agent"]["model_reported"] == MODEL
    assert [m["model"] for m in record["models"]] == [MODEL]
    assert "+    return a + b" in (out / record["patch"]["path"]).read_text()
    # The effort and the model reached the API.
    assert entries[0]["request"]["model"] == MODEL
    assert entries[0]["request"]["output_config"] == {"effort": "low"}
    for path in out.rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_text(errors="replace"), path


def test_claude_edit_that_does_not_fix_fails_the_hidden_tests(tmp_path):
    with fake_llm(tmp_path, script("echo '# looked' >> README.md", {})) as (port, log):
        record, out = run_claude(tmp_path, port)
    assert record["outcome"] == "fail", record["reason"]
    assert "+# looked" in (out / record["patch"]["path"]).read_text()
    assert record["input_tokens"] == 2700


def test_claude_crossing_max_tokens_is_stopped_over_budget(tmp_path):
    turns = [{"tool_call": {"command": "echo step"}, "usage": {"input": 1000, "output": 10}}] * 6
    with fake_llm(tmp_path, {"turns": turns + [{"text": "done"}]}) as (port, log):
        record, _ = run_claude(tmp_path, port, "[contender.limits]\nmax_tokens = 2500\n")
        entries = model_turns(log)
    assert record["outcome"] == "over_budget", record["reason"]
    assert record["agent"]["limit_hit"] == "tokens"
    assert "2500" in record["reason"]
    assert len(entries) < 6  # stopped long before the script ran out
    assert record["input_tokens"] > 2000


def test_claude_crossing_max_usd_is_stopped_over_budget(tmp_path):
    prices = tmp_path / "prices.toml"  # $1 per 1000 tokens of any kind: the second call crosses $1.5
    prices.write_text(f'[models."{MODEL}"]\ninput = 1000.0\ncache_read = 1000.0\n'
                      'cache_write = 1000.0\noutput = 1000.0\n')
    turns = [{"tool_call": {"command": "echo step"}, "usage": {"input": 1000, "output": 10}}] * 6
    with fake_llm(tmp_path, {"turns": turns + [{"text": "done"}]}) as (port, log):
        record, _ = run_claude(tmp_path, port, "[contender.limits]\nmax_usd = 1.5\n",
                               extra_flags=("--prices", prices))
        entries = model_turns(log)
    assert record["outcome"] == "over_budget", record["reason"]
    assert record["agent"]["limit_hit"] == "usd"
    assert len(entries) < 6
    assert record["cost_usd"] > 1.5


def test_claude_against_a_failing_provider_is_an_infra_error(tmp_path):
    turns = [{"error": {"status": 503, "forever": True, "message": "overloaded right now"}}]
    with fake_llm(tmp_path, {"turns": turns}) as (port, log):
        record, _ = run_claude(tmp_path, port)
        entries = model_turns(log)
    assert record["outcome"] == "infra_error", record["reason"]
    assert "provider unavailable" in record["reason"]
    assert "overloaded right now" in record["reason"]
    assert [e["status"] for e in entries] == [503, 503]  # CLAUDE_CODE_MAX_RETRIES = 1
