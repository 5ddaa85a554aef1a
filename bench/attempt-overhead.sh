#!/usr/bin/env bash
# Harness overhead per attempt (design.md target: <= 15 ms median): the noop runner on a
# 200-file task whose verify command is `true`, 100 attempts at -j 1. The records' own
# wall_time_s (sandbox to record) gives the per-attempt figure; the baseline, in the same script
# on the same tree, is the least any harness must do per attempt: `cp -a` of the tree plus
# starting `true` (measured by hyperfine).
#
#   bench/attempt-overhead.sh BUILD_DIR [ATTEMPTS]
set -euo pipefail
build_dir=$(realpath "${1:?usage: $0 BUILD_DIR [ATTEMPTS]}")
attempts=${2:-100}
landed=$build_dir/landed
for tool in hyperfine jq python3; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 2; }
done
scratch=$(mktemp -d "${TMPDIR:-/tmp}/landed-overhead-XXXXXX")
trap 'rm -rf "$scratch"' EXIT

suite=$scratch/suite
task=$suite/two-hundred-files
mkdir -p "$task/workspace" "$task/tests" "$task/solution"
printf 'name = "overhead"\n' > "$suite/suite.toml"
printf 'title = "200 files"\n[verify]\ncommand = "true"\n' > "$task/task.toml"
echo "Change nothing." > "$task/prompt.md"
for i in $(seq 1 200); do
  d=$task/workspace/pkg$((i % 10))
  mkdir -p "$d"
  head -c $((1024 + (i * 37) % 4096)) /dev/urandom | base64 > "$d/file$i.txt"
done
echo "hidden" > "$task/tests/hidden.txt"
echo "solution" > "$task/solution/solution.txt"
printf '[[contender]]\nname = "noop"\nrunner = "noop"\nmodel = "none"\n' > "$scratch/config.toml"

"$landed" run "$suite" --config "$scratch/config.toml" --out "$scratch/out" -j 1 \
  --repeats "$attempts" --cache "$scratch/cache" -q >/dev/null
landed_ms=$(jq -s '[.[].wall_time_s] | sort | .[(length/2|floor)] * 1000' "$scratch/out/records.jsonl")
p90_ms=$(jq -s '[.[].wall_time_s] | sort | .[(length*0.9|floor)] * 1000' "$scratch/out/records.jsonl")

hyperfine --shell=none --warmup 3 --runs 30 --style none \
  --prepare "rm -rf $scratch/copy" \
  "cp -a $task/workspace $scratch/copy" "true" --export-json "$scratch/base.json" >/dev/null
cp_ms=$(jq '.results[0].median * 1000' "$scratch/base.json")
true_ms=$(jq '.results[1].median * 1000' "$scratch/base.json")
python3 - "$landed_ms" "$p90_ms" "$cp_ms" "$true_ms" "$attempts" <<'PY'
import sys
landed, p90, cp, true, n = map(float, sys.argv[1:])
base = cp + true
print(f"{int(n)} noop attempts, 200-file task, verify `true`:")
print(f"  landed per attempt      median {landed:6.1f} ms   p90 {p90:6.1f} ms   (target <= 15 ms median)")
print(f"  baseline cp -a + true   median {base:6.1f} ms   (cp -a {cp:.1f} ms, true {true:.1f} ms)")
print(f"  ratio landed / baseline {landed / base:.2f}")
PY
