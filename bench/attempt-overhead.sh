#!/usr/bin/env bash
# Harness overhead per attempt (design.md target: <= 15 ms median): the noop runner on a
# 200-file task whose verify command is `true`, 100 attempts at -j 1, once per isolation mode
# this machine supports (none, landlock, namespaces: the verify process runs under it). The
# records' own wall_time_s (sandbox to record) gives the per-attempt figure; the baseline, in the
# same script on the same tree, is the least any harness must do per attempt: `cp -a` of the tree
# plus starting `true` (measured by hyperfine).
#
#   bench/attempt-overhead.sh BUILD_DIR [ATTEMPTS]
set -euo pipefail
build_dir=$(realpath "${1:?usage: $0 BUILD_DIR [ATTEMPTS]}")
attempts=${2:-100}
landed=${LANDED_BINARY:-$build_dir/landed}
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

results=()
for mode in none landlock namespaces; do
  if ! "$landed" run "$suite" --config "$scratch/config.toml" --out "$scratch/out-$mode" -j 1 \
      --repeats "$attempts" --cache "$scratch/cache" -q --isolation "$mode" >/dev/null \
      2>"$scratch/err-$mode"; then
    echo "isolation $mode skipped: $(head -c 300 "$scratch/err-$mode")" >&2
    continue
  fi
  records=$scratch/out-$mode/records.jsonl
  median=$(jq -s '[.[].wall_time_s] | sort | .[(length/2|floor)] * 1000' "$records")
  p90=$(jq -s '[.[].wall_time_s] | sort | .[(length*0.9|floor)] * 1000' "$records")
  results+=("$mode:$median:$p90")
done

hyperfine --shell=none --warmup 3 --runs 30 --style none \
  --prepare "rm -rf $scratch/copy" \
  "cp -a $task/workspace $scratch/copy" "true" --export-json "$scratch/base.json" >/dev/null
cp_ms=$(jq '.results[0].median * 1000' "$scratch/base.json")
true_ms=$(jq '.results[1].median * 1000' "$scratch/base.json")
python3 - "$cp_ms" "$true_ms" "$attempts" "${results[@]}" <<'PY'
import sys
cp, true, n = map(float, sys.argv[1:4])
base = cp + true
print(f"{int(n)} noop attempts, 200-file task, verify `true`, -j 1:")
print(f"  baseline cp -a + true     median {base:6.1f} ms   (cp -a {cp:.1f} ms, true {true:.1f} ms)")
for entry in sys.argv[4:]:
    mode, median, p90 = entry.split(":")
    median, p90 = float(median), float(p90)
    print(f"  landed, isolation {mode:<10} median {median:6.1f} ms   p90 {p90:6.1f} ms   "
          f"ratio {median / base:.2f}")
PY
