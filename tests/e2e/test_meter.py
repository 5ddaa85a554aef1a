"""Metering at the wire, end to end: `landed run` serves its metering proxy on 127.0.0.1 and
points each metered agent at its own base URL there; the scripted fake LLM server is the
upstream. The record's metered usage must equal what the fake served, call by call; a tool that
misreports is flagged; caps hold before the next call; concurrent attempts stay apart; a
self-signed HTTPS upstream works with --ca-file."""
import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import landed, make_suite, read_records
from test_landed_agent import APIS, FIELDS, FIX_SCRIPT, SECRET, fake_llm, served, served_usage

FAKE_CLAUDE = Path(__file__).resolve().parent / "meter_tools" / "fake_claude.py"
MODEL = "claude-opus-4-5"


def model_turns(log):
    return [e for e in served(log) if e.get("turn") is not None]


def run(tmp_path, config_text, *flags, tasks=("add-one",), expect_exit=0, timeout=120):
    suite = make_suite(tmp_path, task_ids=tasks)
    config = tmp_path / "config.toml"
    config.write_text(config_text)
    out = tmp_path / "out"
    result = landed("run", suite, "--config", config, "--out", out, "--cache", tmp_path / "cache",
                    "--infra-retries", "0", *flags, timeout=timeout,
                    env=dict(os.environ, LANDED_E2E_FAKE_KEY=SECRET))
    assert result.returncode == expect_exit, result.stderr
    return read_records(out), out


def fake_claude_config(upstream, env="", limits="", name="claude"):
    return (f'[[contender]]\nname = "{name}"\nrunner = "claude-code"\nmodel = "{MODEL}"\n'
            f'command = ["{FAKE_CLAUDE}"]\nupstream = "{upstream}"\n'
            f'env = {{ FAKE_CLAUDE_MODEL = "{MODEL}"{env} }}\n'
            'env_from = { ANTHROPIC_API_KEY = "LANDED_E2E_FAKE_KEY" }\n' + limits)


def meter_log(out, record):
    folder = out / Path(record["agent"]["stdout_path"]).parent
    return [json.loads(line) for line in (folder / "meter.jsonl").read_text().splitlines()]


def normalized(usage):
    return {field: usage[field] for field in FIELDS}


def expected_metered(entries):
    """What the meter records of the served usage: OpenAI and Gemini have no cache-write charge,
    so the meter records a known 0 where the fake's log says null (no field for it)."""
    totals = served_usage(entries)
    if totals["cache_write_tokens"] is None:
        totals["cache_write_tokens"] = 0
    return totals


@pytest.mark.parametrize("api", sorted(APIS))
def test_landed_agent_is_metered_call_by_call(tmp_path, api):
    with fake_llm(tmp_path, FIX_SCRIPT) as (port, log):
        config = ('[[contender]]\nname = "agent"\nrunner = "landed-agent"\nmodel = "fake-model"\n'
                  'env = { LANDED_AGENT_BACKOFF_MS = "10" }\n'
                  'env_from = { LANDED_AGENT_API_KEY = "LANDED_E2E_FAKE_KEY" }\n'
                  f'[contender.options]\napi = "{api}"\nbase_url = "http://127.0.0.1:{port}{APIS[api]}"\n')
        records, out = run(tmp_path, config)
        entries = model_turns(log)
    record = records[0]
    assert record["outcome"] == "pass", record["reason"]
    assert record["usage_source"] == "both"
    assert record["usage_mismatch"] == []
    metered = record["metered"]
    assert metered["calls"] == len(entries) == 2
    assert metered["complete"] is True
    assert normalized(metered) == expected_metered(entries)
    assert normalized(record) == expected_metered(entries)
    calls = [c for c in meter_log(out, record) if c["model"] is not None]
    assert [normalized(c["usage"]) for c in calls] == [expected_metered([e]) for e in entries]
    assert all(c["status"] == 200 and c["ttfb_s"] is not None for c in calls)
    # The fake saw the agent's own paths (the proxy strips /a/<token>) and its credentials.
    assert all(not e["path"].startswith("/a/") for e in served(log))
    for path in out.rglob("*"):
        if path.is_file():
            assert SECRET not in path.read_text(errors="replace"), path


def test_a_tool_that_misreports_is_flagged(tmp_path):
    script = {"turns": [{"text": "a", "usage": {"input": 100, "cache_write": 50, "output": 40}},
                        {"text": "b", "usage": {"input": 200, "cache_read": 10, "output": 60}}]}
    with fake_llm(tmp_path, script) as (port, log):
        records, out = run(tmp_path, fake_claude_config(f"http://127.0.0.1:{port}",
                                                        ', FAKE_CLAUDE_REPORT = "wrong"'))
        entries = model_turns(log)
    record = records[0]
    assert record["usage_source"] == "both"
    assert record["usage_mismatch"] == ["cache_write", "output"]
    assert record["output_tokens"] == 100  # the record's usage is the metered one
    assert record["tool_usage"]["output_tokens"] == 50
    assert record["metered"]["calls"] == len(entries) == 2
    report = landed("report", out, "--format", "md")
    assert report.returncode == 0, report.stderr
    assert "mismatch" in report.stdout.lower()


def test_a_dollar_cap_stops_the_attempt_after_the_crossing_call(tmp_path):
    prices = tmp_path / "prices.toml"  # $10 per million tokens of any kind
    prices.write_text(f'[models."{MODEL}"]\ninput = 10.0\ncache_read = 10.0\n'
                      'cache_write = 10.0\noutput = 10.0\n')
    turn = {"text": "step", "usage": {"input": 600, "output": 100}}  # $0.007 a call
    with fake_llm(tmp_path, {"turns": [turn] * 8}) as (port, log):
        records, out = run(tmp_path, fake_claude_config(
            f"http://127.0.0.1:{port}", ', FAKE_CLAUDE_CALLS = "8"',
            "[contender.limits]\nmax_usd = 0.01\n"), "--prices", prices)
        entries = model_turns(log)
    record = records[0]
    assert record["outcome"] == "over_budget", record["reason"]
    assert record["agent"]["limit_hit"] == "usd"
    assert len(entries) == 2  # the second call crossed $0.01; the third never reached the provider
    metered = record["metered"]
    assert metered["limit_hit"] == "usd"
    assert metered["errors_by_status"] == {"refused": 1}
    assert 0 < metered["overrun"] <= 0.007 + 1e-9  # at most the one call that crossed
    assert record["cost_usd"] == pytest.approx(0.014)
    assert "max_usd" in record["reason"] and "overrun" in record["reason"]


def test_concurrent_attempts_keep_their_usage_apart(tmp_path):
    turns = [{"text": f"t{i}", "usage": {"input": 100 * (i + 1), "output": i + 1}} for i in range(16)]
    tasks = tuple(f"task-{i}" for i in range(8))
    with fake_llm(tmp_path, {"turns": turns}) as (port, log):
        records, out = run(tmp_path, fake_claude_config(f"http://127.0.0.1:{port}"), "-j", "8",
                           tasks=tasks)
        entries = model_turns(log)
    assert len(records) == 8 and len(entries) == 16
    for record in records:
        # The fake's log names the attempt: the agent sends its working folder as metadata.
        mine = [e for e in entries
                if record["task_id"] in e["request"]["metadata"]["user_id"]]
        assert len(mine) == 2, record["task_id"]
        assert record["metered"]["calls"] == 2
        assert normalized(record["metered"]) == served_usage(mine)
        assert record["usage_mismatch"] == []


def test_an_agent_hanging_up_mid_stream_leaves_a_consistent_record(tmp_path):
    script = {"turns": [{"text": "x" * 2000, "usage": {"input": 100, "output": 500}},
                        {"text": "b", "usage": {"input": 200, "output": 7}}]}
    with fake_llm(tmp_path, script) as (port, log):
        records, out = run(tmp_path, fake_claude_config(f"http://127.0.0.1:{port}",
                                                        ', FAKE_CLAUDE_HANGUP = "1"'))
        entries = model_turns(log)
    record = records[0]
    metered = record["metered"]
    assert metered["calls"] == len(entries) == 2
    calls = [c for c in meter_log(out, record) if c["model"]]
    assert len(calls) == 2
    if metered["complete"]:  # the proxy had the whole reply before the agent hung up
        assert normalized(metered) == served_usage(entries)
        assert record["usage_source"] == "both"
    else:
        assert metered["calls_usage_unknown"] == 1
        assert calls[0]["usage"] is None and calls[0]["usage_problem"]
        assert record["usage_source"] == "tool"


def test_an_unreachable_upstream_is_an_infra_error(tmp_path):
    records, _ = run(tmp_path, fake_claude_config("http://127.0.0.1:1"), expect_exit=3)
    record = records[0]
    assert record["outcome"] == "infra_error", record["reason"]
    assert record["reason"].startswith("provider unreachable")
    assert record["metered"]["errors_by_status"] == {"connection": 1}


def test_meter_false_leaves_the_tool_on_its_own_base_url(tmp_path):
    with fake_llm(tmp_path, {"turns": [{"text": "a", "usage": {"input": 5, "output": 1}}] * 2}) as (port, log):
        config = (f'[[contender]]\nname = "claude"\nrunner = "claude-code"\nmodel = "{MODEL}"\n'
                  f'command = ["{FAKE_CLAUDE}"]\nmeter = false\n'
                  f'env = {{ ANTHROPIC_BASE_URL = "http://127.0.0.1:{port}" }}\n'
                  'env_from = { ANTHROPIC_API_KEY = "LANDED_E2E_FAKE_KEY" }\n')
        records, _ = run(tmp_path, config)
        entries = model_turns(log)
    record = records[0]
    assert len(entries) == 2
    assert "metered" not in record
    assert record["usage_source"] == "tool"
    assert record["input_tokens"] == 10


def self_signed(tmp_path):
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                    "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"], check=True, capture_output=True)
    return key, cert


TLS_SERVER = r'''
import http.server, json, ssl, sys
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers["content-length"]))
        body = json.dumps({"type": "message", "model": "claude-opus-4-5", "content": [],
                           "usage": {"input_tokens": 321, "output_tokens": 12}}).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(sys.argv[1], sys.argv[2])
server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
'''


def test_https_upstream_with_a_private_ca_file(tmp_path):
    key, cert = self_signed(tmp_path)
    server = subprocess.Popen(["/usr/bin/python3", "-c", TLS_SERVER, cert, key],
                              stdout=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    try:
        port = int(server.stdout.readline())
        config = fake_claude_config(f"https://127.0.0.1:{port}", ', FAKE_CLAUDE_STREAM = "0", '
                                    'FAKE_CLAUDE_CALLS = "1"')
        records, _ = run(tmp_path / "trusted", config, "--ca-file", cert)
        untrusted, _ = run(tmp_path / "untrusted", config, expect_exit=3)
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert records[0]["metered"]["input_tokens"] == 321
    assert records[0]["metered"]["calls"] == 1
    assert records[0]["usage_source"] == "both"
    # Without --ca-file the system store does not trust the self-signed certificate.
    assert untrusted[0]["outcome"] == "infra_error", untrusted[0]["reason"]
    assert untrusted[0]["metered"]["errors_by_status"] == {"connection": 1}
