#!/usr/bin/env bash
# A night at scale, simulated end to end: plans TASKS x CONTENDERS x REPEATS simulated attempts
# (the `sim` runner, zero step delay), runs them as SHARDS shards (PARALLEL at a time), merges,
# ingests into the history, reports, compares with the previous night and publishes. The previous
# night is the same suite with one contender replaced, run with --reuse (as a real nightly would:
# only the new contender's attempts run). Prints each stage's elapsed and CPU time and peak memory,
# and the merged campaign's checks (no duplicate, none missing).
# usage: bench/night-at-scale.sh BUILD_DIR [TASKS=500] [CONTENDERS=20] [REPEATS=10] [SHARDS=50] [PARALLEL=2]
set -euo pipefail
build=$(cd "${1:?usage: bench/night-at-scale.sh BUILD_DIR [TASKS CONTENDERS REPEATS SHARDS PARALLEL]}" && pwd)
tasks=${2:-500} contenders=${3:-20} repeats=${4:-10} shards=${5:-50} parallel=${6:-2}
here=$(cd "$(dirname "$0")" && pwd)
landed="$build/landed"
work="$build/bench-data/night-$tasks-$contenders-$repeats-$shards"
rm -rf "$work" && mkdir -p "$work"
/usr/bin/python3 "$here/make-night-suite.py" "$work" "$tasks" "$contenders"
planned=$((tasks * contenders * repeats))
echo "night at scale: $tasks tasks x $contenders contenders x $repeats repeats = $planned attempts," \
     "$shards shards, $parallel at a time; cores: $(nproc); load before: $(cut -d' ' -f1-3 /proc/loadavg)"

stage() {  # label, command...: one line of elapsed, CPU and peak RSS
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" > "$work/stage.out" 2>&1 || {
    echo "$label failed:"; tail -5 "$work/stage.out"; exit 1; }
  read -r elapsed user sys rss < "$work/time.out"
  printf '%-36s %9.1f s elapsed %9.1f s cpu %8d KB peak\n' "$label" "$elapsed" \
    "$(echo "$user + $sys" | bc)" "$rss"
}

run_shards() {  # night, config, extra flags...: every shard, PARALLEL at a time; peak RSS per shard
  local night=$1 config=$2; shift 2
  seq 1 "$shards" | xargs -P "$parallel" -I{} /usr/bin/time -f "%M" -o "$work/$night-rss-{}" \
    "$landed" run "$work/suite" --config "$config" --shard "{}/$shards" --repeats "$repeats" \
    --out "$work/$night/shard-{}" --cache "$work/cache" -j 1 -q "$@" > /dev/null
  echo "  peak RSS of one shard: $(cat "$work"/$night-rss-* | sort -n | tail -1) KB"
}
export -f run_shards
export work landed shards parallel repeats

stage "previous night: $shards shards" bash -c "run_shards prev $work/night1.toml"
cat "$work/stage.out"
stage "previous night: merge" "$landed" merge "$work"/prev/shard-* --out "$work/prev/merged"
stage "tonight: $shards shards (reuse)" bash -c "run_shards tonight $work/night2.toml --reuse $work/prev/merged"
cat "$work/stage.out"
stage "tonight: merge" "$landed" merge "$work"/tonight/shard-* --out "$work/tonight/merged"
stage "ingest both nights" "$landed" ingest "$work/prev/merged" "$work/tonight/merged" --db "$work/landed.db"
stage "report (folder)" "$landed" report "$work/tonight/merged"
stage "report --format json" "$landed" report "$work/tonight/merged" --format json
stage "compare previous tonight" bash -c "'$landed' compare '$work/prev/merged' '$work/tonight/merged' || [ \$? -eq 1 ]"
stage "publish (database)" "$landed" publish "$work/landed.db" --out "$work/site"

/usr/bin/python3 - "$work" "$planned" <<'PY'
import json, sys
from pathlib import Path
work, planned = Path(sys.argv[1]), int(sys.argv[2])
for night in ("prev", "tonight"):
    keys, reused = [], 0
    with open(work / night / "merged" / "records.jsonl") as f:
        for line in f:
            r = json.loads(line)
            keys.append((r["attempt_id"], r["task_digest"], r["contender"]["fingerprint"]))
            reused += r.get("reused_from") is not None
    meta = json.loads((work / night / "merged" / "campaign.json").read_text())
    dup = len(keys) - len(set(keys))
    print(f"{night}: {len(keys)} records of {planned} planned, {dup} duplicate, "
          f"{planned - len(set(keys))} missing, {reused} reused; status {meta['status']}")
    assert dup == 0 and len(set(keys)) == planned, "the merged campaign is not whole"
PY
echo "site: $(find "$work/site" -type f | wc -l) files, $(du -sk "$work/site" | cut -f1) KiB;" \
     "records: $(du -sk "$work/tonight/merged/records.jsonl" | cut -f1) KiB; load after: $(cut -d' ' -f1-3 /proc/loadavg)"
