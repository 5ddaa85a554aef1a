#!/usr/bin/python3
"""A campaign folder of 500 tasks x 20 contenders x 5 repeats (50,000 records) for the publish
benchmark, built with bench/make-records.py's record() (20 contenders: its 8 at several effort
levels), plus each task's difficulty and tags and a campaign.json.

usage: bench/make-campaign-50k.py OUT_DIR [--seed S] [--tasks T]
(--tasks 5000 makes the 500,000-record campaign of bench/datapath.sh)
"""
import argparse
import importlib.util
import json
import random
from pathlib import Path

here = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("make_records", here / "make-records.py")
make_records = importlib.util.module_from_spec(spec)
spec.loader.exec_module(make_records)

TASKS, REPEATS = 500, 5
base = make_records.CONTENDERS
make_records.CONTENDERS = [  # 20 rows: every base contender, then variants at other efforts
    (f"{cid}#{k}" if k else cid, runner, model, effort, max(0.05, skill - 0.07 * k))
    for k in range(3) for cid, runner, model, effort, skill in base][:20]
DIFFICULTIES = ["easy", "medium", "hard"]
TAGS = ["python", "cpp", "rust", "go", "bugfix", "feature", "refactor", "tests"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--tasks", type=int, default=TASKS)
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    tasks = [f"task-{i:03d}" for i in range(args.tasks)]
    index = {task: t for t, task in enumerate(tasks)}
    n = args.tasks * len(make_records.CONTENDERS) * REPEATS
    with open(out / "records.jsonl", "w") as f:
        for i in range(n):
            rec = json.loads(make_records.record(rng, i, tasks))
            t = index[rec["task_id"]]
            rec["campaign_id"] = "bench-50k"
            rec["attempt_id"] = f"{rec['task_id']}/{rec['contender']['id']}/r{rec['repeat']}"
            rec["task_difficulty"] = DIFFICULTIES[t % 3]
            rec["task_tags"] = [TAGS[t % 8], TAGS[4 + t % 4]]
            f.write(json.dumps(rec, sort_keys=True, separators=(",", ":")) + "\n")
    (out / "campaign.json").write_text(json.dumps({
        "schema": 1, "campaign_id": "bench-50k", "started_at": "2026-11-23T00:00:00Z",
        "finished_at": "2026-11-23T06:00:00Z", "suite": {"name": "bench", "tasks": args.tasks}}))


if __name__ == "__main__":
    main()
