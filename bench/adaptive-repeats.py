#!/usr/bin/env python3
"""Adaptive repeats vs fixed repeats on the simulated agents (tasks/demo.toml on tasks/examples).

Runs the demo campaign twice from the same script: `--repeats MAX` (the baseline) and
`--repeats auto:MAX`; prints attempts run, dollars, and each contender's pass rate (mean over
tasks of the per-task pass rate) and the ranking both give.

The simulated agent's outcome depends only on the task's difficulty, the model, the effort and
the attempt's seed, so by default the suite is a stand-in for tasks/examples: the same task ids
and difficulties, each a one-file workspace whose verify is a grep (compiling the real C++ and
JavaScript tasks for hundreds of attempts costs minutes on a loaded machine and measures nothing
extra here). Pass --real to run tasks/examples itself.
Usage: bench/adaptive-repeats.py BUILD_DIR [MAX] [JOBS] [--real]"""
import json
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

real = "--real" in sys.argv
argv = [a for a in sys.argv if a != "--real"]
build = Path(argv[1]).resolve()
max_repeats = int(argv[2]) if len(argv) > 2 else 10
jobs = argv[3] if len(argv) > 3 else "2"
root = Path(__file__).resolve().parents[1]
work = build / "bench-data" / "adaptive-repeats"
subprocess.run(["rm", "-rf", str(work)], check=True)


def stand_in_suite():
    suite = work / "suite"
    (suite).mkdir(parents=True)
    (suite / "suite.toml").write_text('name = "examples-stand-in"\n')
    for task_toml in sorted((root / "tasks/examples").glob("*/task.toml")):
        difficulty = re.search(r'^difficulty = "(\w+)"', task_toml.read_text(), re.M).group(1)
        task = suite / task_toml.parent.name
        for sub in ("workspace", "tests", "solution"):
            (task / sub).mkdir(parents=True)
        (task / "task.toml").write_text(f'difficulty = "{difficulty}"\n[verify]\n'
                                        'command = "grep -q fixed state.txt"\n')
        (task / "prompt.md").write_text("Fix it.\n")
        (task / "workspace" / "state.txt").write_text("broken\n")
        (task / "tests" / "check.txt").write_text("hidden\n")
        (task / "solution" / "state.txt").write_text("fixed\n")
    return suite


suite_dir = root / "tasks/examples" if real else stand_in_suite()


def campaign(name, repeats):
    out = work / name
    start = time.monotonic()
    subprocess.run([str(build / "landed"), "run", str(suite_dir), "--config",
                    str(root / "tasks/demo.toml"), "--out", str(out), "--repeats", repeats,
                    "-j", jobs, "-q", "--cache", str(work / "cache")],
                   check=True, stdout=subprocess.DEVNULL)
    elapsed = time.monotonic() - start
    records = [json.loads(l) for l in (out / "records.jsonl").read_text().splitlines() if l]
    per_pair = defaultdict(lambda: [0, 0])
    dollars = 0.0
    for r in records:
        dollars += r["cost_usd"] or 0
        if r["outcome"] == "infra_error":
            continue
        pair = per_pair[(r["contender"]["id"], r["task_id"])]
        pair[1] += 1
        pair[0] += r["outcome"] == "pass"
    rates = defaultdict(list)
    for (contender, _), (passes, n) in per_pair.items():
        rates[contender].append(passes / n)
    score = {c: sum(v) / len(v) for c, v in rates.items()}
    ranking = sorted(score, key=lambda c: -score[c])
    return {"attempts": len(records), "dollars": dollars, "elapsed": elapsed, "score": score,
            "ranking": ranking}


fixed = campaign("fixed", str(max_repeats))
auto = campaign("auto", f"auto:{max_repeats}")
print(f"| run | attempts | dollars | elapsed | ranking (mean per-task pass rate) |")
print(f"|---|---|---|---|---|")
for name, r in (("--repeats %d" % max_repeats, fixed), ("--repeats auto:%d" % max_repeats, auto)):
    ranking = " > ".join(f"{c} {r['score'][c]:.2f}" for c in r["ranking"])
    print(f"| `{name}` | {r['attempts']} | ${r['dollars']:.2f} | {r['elapsed']:.0f} s | {ranking} |")
print(f"\nattempts ratio auto/fixed: {auto['attempts'] / fixed['attempts']:.2f}; "
      f"dollars ratio: {auto['dollars'] / fixed['dollars']:.2f}; "
      f"same ranking: {auto['ranking'] == fixed['ranking']}")
