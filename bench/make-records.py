#!/usr/bin/python3
"""Writes N records of realistic shape (one JSON line each, keys sorted as landed writes them)
for benchmarking `landed report`. Deterministic: the same N and seed give the same bytes.

usage: bench/make-records.py N OUT_FILE [--seed S]
"""
import argparse
import json
import random

CONTENDERS = [
    ("claude-code/claude-sonnet-4-5@high", "claude-code", "claude-sonnet-4-5", "high", 0.62),
    ("claude-code/claude-haiku-4-5@low", "claude-code", "claude-haiku-4-5", "low", 0.41),
    ("codex/gpt-5-codex@medium", "codex", "gpt-5-codex", "medium", 0.58),
    ("codex/gpt-5-mini@low", "codex", "gpt-5-mini", "low", 0.37),
    ("gemini/gemini-2.5-pro", "gemini", "gemini-2.5-pro", None, 0.49),
    ("opencode/deepseek-chat", "opencode", "deepseek/deepseek-chat", None, 0.33),
    ("sim/sim-frontier", "sim", "sim-frontier", None, 0.7),
    ("sim/sim-budget", "sim", "sim-budget", None, 0.3),
]
OUTCOMES_FAIL = ["fail"] * 14 + ["agent_error"] * 3 + ["timeout"] * 2 + ["over_budget"]


def record(rng, index, tasks):
    cid, runner, model, effort, skill = CONTENDERS[index % len(CONTENDERS)]
    task = tasks[(index // len(CONTENDERS)) % len(tasks)]
    repeat = index // (len(CONTENDERS) * len(tasks))
    roll = rng.random()
    outcome = "pass" if roll < skill else ("infra_error" if roll > 0.995 else rng.choice(OUTCOMES_FAIL))
    steps = rng.randint(3, 60)
    tokens = {
        "input_tokens": rng.randint(2000, 40000),
        "cache_read_tokens": rng.randint(0, 400000),
        "cache_write_tokens": rng.randint(0, 30000) if runner == "claude-code" else 0,
        "output_tokens": rng.randint(500, 20000),
    }
    tokens["reasoning_tokens"] = rng.randint(0, tokens["output_tokens"])
    wall = round(rng.uniform(5, 600), 3)
    # The fields a report reads (~560 bytes a line; landed adds agent, timing, patch).
    rec = {
        "schema": 1, "attempt_id": f"{task}/r{repeat}", "task_id": task,
        "contender": {"id": cid, "runner": runner, "model": model, "effort": effort,
                      "simulated": runner == "sim"},
        "repeat": repeat, "outcome": outcome,
        "steps": steps, "tool_calls": steps - 1, "cost_usd_reported": None,
        "models": [dict(model=model, **{k: v for k, v in tokens.items() if k != "reasoning_tokens"})],
        "cost_usd": None, "price_status": "", "wall_time_s": wall,
    }
    rec.update(tokens)
    return json.dumps(rec, sort_keys=True, separators=(",", ":"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("n", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    tasks = [f"task-{i:03d}" for i in range(250)]
    with open(args.out, "w") as out:
        for i in range(args.n):
            out.write(record(rng, i, tasks))
            out.write("\n")


if __name__ == "__main__":
    main()
