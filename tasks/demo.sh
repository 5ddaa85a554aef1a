#!/usr/bin/env bash
# `make demo`: validate the bundled suite, run the demo campaign on simulated agents
# (offline, no API key), and report. Usage: tasks/demo.sh LANDED_BINARY OUT_DIR
set -euo pipefail
landed=$1
out=$2
jobs=$(nproc)
here=$(cd "$(dirname "$0")" && pwd)

# The [repo] example task starts from a git repository this script makes (offline).
"$here/make-example-repo.sh"

echo "== landed validate tasks/examples (noop must fail, oracle must pass)"
"$landed" validate "$here/examples" -j "$jobs"

# The demo is a fresh campaign every time.
rm -rf "$out"
echo
echo "== landed run tasks/examples --config tasks/demo.toml (simulated agents)"
"$landed" run "$here/examples" --config "$here/demo.toml" --out "$out/campaign" -j "$jobs"

echo
echo "== landed report"
"$landed" report "$out/campaign" --format table
"$landed" report "$out/campaign" --format md > "$out/report.md"
"$landed" report "$out/campaign" --format json > "$out/report.json"

echo
echo "== landed routes (what-if routing over the recorded outcomes; the live route beside its prediction)"
"$landed" routes "$out/campaign" --format table --out "$out/routes"

echo "== landed publish (the static leaderboard)"
"$landed" ingest "$out/campaign" --db "$out/landed.db"
"$landed" publish "$out/landed.db" --out "$out/site" --title "landed demo (simulated agents)"

echo
echo "The demo campaign is in $out/campaign (records.jsonl, campaign.json, attempts/)."
echo "Reports: $out/report.md, $out/report.json; routing: $out/routes/routes.{md,json,svg}"
echo "History: $out/landed.db"
echo "Leaderboard: $(cd "$out/site" && pwd)/index.html"
