#!/usr/bin/env bash
# `landed tasks mine` on a generated repository of N commits (default 1,000; every tenth fixes
# a bug with a test): time per commit considered (history scan, candidate writing) and per
# task validated (noop + oracle). Usage: bench/mine-history.sh BUILD_DIR [N]
set -euo pipefail
build_dir=$(cd "${1:?usage: $0 BUILD_DIR [N]}" && pwd)
count=${2:-1000}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/landed-mine-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$here/make-history-repo.py" "$work/repo" "$count"
start=$(date +%s.%N)
"$build_dir/landed" tasks mine "$work/repo" --out "$work/suite" --cache "$work/cache" \
  --verify 'for t in {tests}; do PYTHONPATH=. python3 "$t" || exit 1; done' >/dev/null
end=$(date +%s.%N)
python3 - "$work/suite/mine-report.json" "$start" "$end" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
kept = sum(c["kept"] for c in report["commits"])
wall = float(sys.argv[3]) - float(sys.argv[2])
print(f"commits considered: {report['considered']}, candidates: {report['candidates']}, kept: {kept}")
print(f"history scan + staging: {report['scan_s']:.2f} s = "
      f"{1000 * report['scan_s'] / max(1, report['considered']):.2f} ms per commit considered")
print(f"validation: {report['validate_s']:.2f} s = "
      f"{report['validate_s'] / max(1, report['candidates']):.3f} s per task validated")
print(f"whole command: {wall:.2f} s")
PY
