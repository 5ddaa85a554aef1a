#!/usr/bin/env bash
# Every benchmark, each as a ratio against a baseline measured in the same run.
#   bench/run-all.sh BUILD_DIR          (make bench)
# Set LANDED_BENCH_FULL=1 to include the 1,000,000-record report benchmark (~600 MB of data).
set -euo pipefail
build_dir=${1:?usage: $0 BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
echo "== working copy vs cp -a (whole process)"; "$here/checkout-vs-cp.sh" "$build_dir"
echo "== working copy vs cp -a (in process)"; "$build_dir/bench/checkout_bench"
echo "== harness overhead per attempt"; "$here/attempt-overhead.sh" "$build_dir"
echo "== landed tasks mine on 1,000 generated commits"; "$here/mine-history.sh" "$build_dir" 1000
if [[ ${LANDED_BENCH_FULL:-0} == 1 ]]; then
  echo "== landed report on 1,000,000 records"; "$here/report-1m.sh" "$build_dir"
fi
