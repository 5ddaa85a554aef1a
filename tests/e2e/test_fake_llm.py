"""The scripted fake LLM server itself: each dialect's wire format and usage convention, tool
adaptation, scripted errors and the request log (the real-CLI integration tests rely on it)."""
import json
import urllib.error
import urllib.request

import pytest

from test_landed_agent import fake_llm, served

USAGE = {"input": 1200, "cache_read": 300, "cache_write": 100, "output": 80, "reasoning": 20}
CODEX_SHELL = {"type": "function", "name": "shell", "parameters": {
    "type": "object", "required": ["command"],
    "properties": {"command": {"type": "array", "items": {"type": "string"}},
                   "workdir": {"type": "string"}}}}


def post(port, path, body):
    """(status, text) of a POST; never raises on an HTTP error."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", json.dumps(body).encode(),
                                     {"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def sse_data(text):
    return [json.loads(line[6:]) for line in text.splitlines()
            if line.startswith("data: ") and line != "data: [DONE]"]


@pytest.fixture
def server(tmp_path):
    script = {"turns": [{"tool_call": {"command": "ls -la"}, "usage": USAGE},
                        {"text": "all done", "usage": USAGE}]}
    with fake_llm(tmp_path, script) as (port, log):
        yield port, log


def test_responses_stream_adapts_to_codex_array_command_and_ends_completed(server):
    port, log = server
    status, text = post(port, "/v1/responses", {"model": "m", "stream": True,
                                                "tools": [CODEX_SHELL]})
    assert status == 200
    events = sse_data(text)
    assert events[0]["type"] == "response.created"
    done = [e for e in events if e["type"] == "response.output_item.done"][0]["item"]
    assert done["type"] == "function_call" and done["name"] == "shell"
    assert json.loads(done["arguments"]) == {"command": ["bash", "-lc", "ls -la"]}
    usage = events[-1]["response"]["usage"]
    assert events[-1]["type"] == "response.completed"
    assert usage["input_tokens"] == 1600 and usage["input_tokens_details"]["cached_tokens"] == 300
    assert usage["output_tokens_details"]["reasoning_tokens"] == 20
    assert served(log)[0]["usage"]["input_tokens"] == 1300


def test_chat_stream_sends_usage_only_when_asked(server):
    port, log = server
    tool = {"type": "function", "function": {"name": "bash", "parameters": {
        "type": "object", "properties": {"command": {"type": "string"}}}}}
    _, text = post(port, "/v1/chat/completions", {"model": "m", "stream": True, "tools": [tool]})
    chunks = sse_data(text)
    assert all("usage" not in c for c in chunks)
    arguments = "".join(c["choices"][0]["delta"].get("tool_calls", [{}])[0]
                        .get("function", {}).get("arguments", "") for c in chunks if c["choices"])
    assert json.loads(arguments) == {"command": "ls -la"}
    _, text = post(port, "/v1/chat/completions", {"model": "m", "stream": True,
                                                  "stream_options": {"include_usage": True}})
    last = sse_data(text)[-1]
    assert last["choices"] == [] and last["usage"]["prompt_tokens"] == 1600
    assert [e["usage"] for e in served(log)][0] is None


def test_anthropic_stream_splits_usage_between_start_and_delta(server):
    port, _ = server
    tools = [{"name": "Bash", "input_schema": {"type": "object", "required": ["command",
              "description"], "properties": {"command": {"type": "string"},
                                             "description": {"type": "string"}}}}]
    _, text = post(port, "/v1/messages?beta=true", {"model": "c", "stream": True, "tools": tools})
    events = sse_data(text)
    assert events[0]["message"]["usage"] == {"input_tokens": 1200, "cache_read_input_tokens": 300,
                                             "cache_creation_input_tokens": 100, "output_tokens": 1}
    start = [e for e in events if e["type"] == "content_block_start"][0]["content_block"]
    assert start["type"] == "tool_use" and start["name"] == "Bash"
    delta = [e for e in events if e["type"] == "message_delta"][0]
    assert delta["delta"]["stop_reason"] == "tool_use" and delta["usage"]["output_tokens"] == 80
    assert events[-1]["type"] == "message_stop"


def test_gemini_sse_uses_prompt_including_cache_and_thoughts_apart(server):
    port, log = server
    tools = [{"functionDeclarations": [{"name": "run_shell_command", "parameters": {
        "type": "object", "properties": {"command": {"type": "string"}}}}]}]
    _, text = post(port, "/v1beta/models/gemini-x:streamGenerateContent?alt=sse",
                   {"contents": [], "tools": tools})
    chunk = sse_data(text)[0]
    call = chunk["candidates"][0]["content"]["parts"][0]["functionCall"]
    assert call == {"name": "run_shell_command", "args": {"command": "ls -la"}}
    assert chunk["usageMetadata"] == {"promptTokenCount": 1600, "cachedContentTokenCount": 300,
                                      "candidatesTokenCount": 60, "thoughtsTokenCount": 20,
                                      "totalTokenCount": 1680}
    _, text = post(port, "/v1beta/models/gemini-x:generateContent", {"contents": []})
    assert json.loads(text)["candidates"][0]["content"]["parts"] == [{"text": "all done"}]
    assert [e["model"] for e in served(log)] == ["gemini-x", "gemini-x"]


def test_past_the_script_and_unknown_paths_are_errors_and_logged(server):
    port, log = server
    post(port, "/v1/chat/completions", {"model": "m"})
    post(port, "/v1/chat/completions", {"model": "m"})
    status, _ = post(port, "/v1/chat/completions", {"model": "m"})
    assert status == 500
    assert post(port, "/v2/nothing", {})[0] == 404
    assert [e["kind"] for e in served(log)] == ["tool_call", "text", "past_script", "unknown"]


def test_scripted_errors_repeat_then_the_script_goes_on(tmp_path):
    script = {"turns": [{"error": {"status": 429, "times": 2, "message": "later"}},
                        {"text": "ok"}]}
    with fake_llm(tmp_path, script) as (port, log):
        statuses = [post(port, "/v1/messages", {"model": "c"})[0] for _ in range(3)]
        _, text = post(port, "/v1/messages", {"model": "c"})
    assert statuses == [429, 429, 200]
    assert json.loads(text)["type"] == "error"  # past the script
    assert [e["turn"] for e in served(log)] == [0, 0, 1, 2]
