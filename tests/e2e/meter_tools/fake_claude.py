#!/usr/bin/python3
"""A stand-in for the `claude` CLI in the metering tests: it calls the Anthropic Messages API at
ANTHROPIC_BASE_URL (which landed points at its metering proxy), then prints Claude Code's
stream-json `system`/`result` events with its own account of the usage. FAKE_CLAUDE_REPORT=wrong
reports half the output tokens and no cache writes (the kind of undercount a CLI update ships);
FAKE_CLAUDE_HANGUP=1 hangs up in the middle of the first streamed reply."""
import json
import os
import sys
import urllib.error
import urllib.request

MODEL = os.environ.get("FAKE_CLAUDE_MODEL", "claude-opus-4-5")
BASE = os.environ["ANTHROPIC_BASE_URL"].rstrip("/")


def emit(event):
    print(json.dumps(event), flush=True)


def call(stream):
    body = {"model": MODEL, "max_tokens": 100, "stream": stream,
            "metadata": {"user_id": os.getcwd()},
            "tools": [{"name": "Bash", "input_schema": {"type": "object", "properties": {
                "command": {"type": "string"}}, "required": ["command"]}}],
            "messages": [{"role": "user", "content": "fix it"}]}
    request = urllib.request.Request(BASE + "/v1/messages?beta=true", data=json.dumps(body).encode(),
                                     headers={"content-type": "application/json",
                                              "x-api-key": os.environ.get("ANTHROPIC_API_KEY", ""),
                                              "anthropic-version": "2023-06-01"})
    return urllib.request.urlopen(request, timeout=30)


def usage_of_stream(reply):
    usage = {}
    for raw in reply:
        line = raw.decode().strip()
        if line.startswith("data:"):
            event = json.loads(line[5:])
            if event.get("type") == "message_start":
                usage.update(event["message"]["usage"])
            elif event.get("type") == "message_delta":
                usage.update(event["usage"])
    return usage


def main():
    calls = int(os.environ.get("FAKE_CLAUDE_CALLS", "2"))
    stream = os.environ.get("FAKE_CLAUDE_STREAM", "1") == "1"
    emit({"type": "system", "subtype": "init", "model": MODEL})
    total = {"inputTokens": 0, "outputTokens": 0, "cacheReadInputTokens": 0,
             "cacheCreationInputTokens": 0}
    for index in range(calls):
        try:
            reply = call(stream)
            if os.environ.get("FAKE_CLAUDE_HANGUP") == "1" and index == 0:
                reply.read(40)  # a few bytes of the stream, then hang up
                reply.close()
                continue
            usage = usage_of_stream(reply) if stream else json.loads(reply.read())["usage"]
        except urllib.error.HTTPError as error:
            emit({"type": "result", "subtype": "success", "is_error": True,
                  "api_error_status": error.code, "result": error.read().decode(errors="replace")})
            return 1
        emit({"type": "assistant", "message": {"id": f"msg_{index}", "model": MODEL,
                                               "content": [{"type": "text", "text": "ok"}]}})
        total["inputTokens"] += usage.get("input_tokens", 0)
        total["outputTokens"] += usage.get("output_tokens", 0)
        total["cacheReadInputTokens"] += usage.get("cache_read_input_tokens", 0)
        total["cacheCreationInputTokens"] += usage.get("cache_creation_input_tokens", 0)
    if os.environ.get("FAKE_CLAUDE_REPORT") == "wrong":
        total["outputTokens"] //= 2
        total["cacheCreationInputTokens"] = 0
    emit({"type": "result", "subtype": "success", "is_error": False, "result": "done",
          "modelUsage": {MODEL: total}, "total_cost_usd": 0.0})
    return 0


if __name__ == "__main__":
    sys.exit(main())
