#!/usr/bin/python3
"""The baseline `landed report` is measured against: a plain stdlib-Python aggregator that
streams records.jsonl and computes per-contender pass rate, mean tokens and cost.

usage: bench/py-aggregate.py RECORDS_JSONL
"""
import json
import sys
from collections import defaultdict


def main():
    rows = defaultdict(lambda: {"n": 0, "pass": 0, "tokens": 0, "cost": 0.0})
    with open(sys.argv[1]) as records:
        for line in records:
            r = json.loads(line)
            if r["outcome"] == "infra_error":
                continue
            row = rows[r["contender"]["id"]]
            row["n"] += 1
            row["pass"] += r["outcome"] == "pass"
            row["tokens"] += (r.get("input_tokens") or 0) + (r.get("output_tokens") or 0)
            row["cost"] += r.get("cost_usd") or 0.0
    for cid, row in sorted(rows.items(), key=lambda kv: -kv[1]["pass"] / kv[1]["n"]):
        print(f'{cid}\t{row["pass"] / row["n"]:.3f}\t{row["tokens"] / row["n"]:.0f}\t{row["cost"]:.2f}')


if __name__ == "__main__":
    main()
