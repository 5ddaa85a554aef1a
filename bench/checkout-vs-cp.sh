#!/usr/bin/env bash
# Whole-process comparison: a working copy of a task's base commit (checkout_base and
# make_agent_sandbox, each a fresh process) against `cp -a` of the same tree.
# Target (design.md): working copy <= 1.0x `cp -a`.
#
#   bench/checkout-vs-cp.sh BUILD_DIR [FILES...]     (default FILES: 200 5000)
#
# Needs hyperfine and jq. The scratch folder is under ${TMPDIR:-/tmp}; point TMPDIR at the disk
# you care about (the sandboxes of a real run live on the same disk as the base cache).
set -euo pipefail

build_dir=${1:?usage: $0 BUILD_DIR [FILES...]}
shift
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(200 5000)
bench=$(realpath "$build_dir")/bench/checkout_bench
[[ -x $bench ]] || bench=$(realpath "$build_dir")/checkout_bench
[[ -x $bench ]] || { echo "checkout_bench not found in $build_dir (configure with -DLANDED_BUILD_BENCH=ON)" >&2; exit 2; }
for tool in hyperfine jq; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 2; }
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/landed-checkout-vs-cp-XXXXXX")
trap 'rm -rf "$scratch"' EXIT

for files in "${sizes[@]}"; do
  dir=$scratch/$files
  mkdir -p "$dir"
  "$bench" --prepare "$dir" "$files" >/dev/null
  hyperfine --shell=none --warmup 3 --runs "${RUNS:-15}" --style basic \
    --prepare "rm -rf $dir/out" \
    --command-name "cp -a" "cp -a $dir/tree $dir/out" \
    --command-name "checkout_base" "$bench --checkout $dir $dir/out" \
    --command-name "make_agent_sandbox" "$bench --sandbox $dir $dir/out" \
    --export-json "$dir/result.json" >/dev/null
  jq -r --arg files "$files" '
    (.results[] | select(.command == "cp -a") | .median) as $cp
    | .results[]
    | "\($files) files  \(.command | . + " " * (20 - length))  median \(.median * 1000 | floor) ms  ratio vs cp -a \((.median / $cp * 100 | round) / 100)"
  ' "$dir/result.json"
done
