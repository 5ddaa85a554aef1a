#!/bin/sh
# The data path at scale (issue 12's performance targets), one script for every ratio:
# on generated campaigns of 50,000 and 500,000 records (bench/make-campaign-50k.py, seed 1),
# times `landed report` from the folder, `landed ingest` (peak memory, records/s), `landed
# report` from the history database, `landed report --format json` and `landed publish`.
# Targets: ingest <= 64 MB peak at >= 100,000 records/s; report from the DB within 1.5x of
# report from the folder; publish within 3x of report --format json; linear from 50k to 500k.
# usage: bench/datapath.sh BUILD_DIR [SIZES...]   (default sizes: 50000 500000)
set -eu
build=$(cd "${1:?usage: bench/datapath.sh BUILD_DIR [SIZES...]}" && pwd)
shift
here=$(cd "$(dirname "$0")" && pwd)
landed="$build/landed"
sizes=${*:-50000 500000}
echo "cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() {  # label, command...: prints elapsed, cpu, peak RSS; leaves cpu in $last, RSS in $rss
  label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" > /dev/null
  read -r elapsed user sys rss < "$work/time.out"
  last=$(echo "$user + $sys" | bc)
  printf '%-30s %7.2f s elapsed  %6.2f s cpu  %8d KB peak\n' "$label" "$elapsed" "$last" "$rss"
}

for n in $sizes; do
  work="$build/bench-data/datapath-$n"
  campaign="$work/campaign"
  if [ ! -s "$campaign/records.jsonl" ]; then
    echo "generating $n records into $campaign (once)"
    /usr/bin/python3 "$here/make-campaign-50k.py" "$campaign" --tasks $((n / 100))
  fi
  rm -rf "$work/landed.db" "$work/landed.db-wal" "$work/landed.db-shm" "$work/site"
  cat "$campaign/records.jsonl" > /dev/null  # warm the page cache
  echo "== $(wc -l < "$campaign/records.jsonl") records, $(du -sk "$campaign/records.jsonl" | cut -f1) KiB"
  measure "report DIR" "$landed" report "$campaign"; report_dir=$last
  measure "ingest" "$landed" ingest "$campaign" --db "$work/landed.db"; ingest=$last; ingest_rss=$rss
  measure "report DB" "$landed" report "$work/landed.db"; report_db=$last
  measure "report DIR --format json" "$landed" report "$campaign" --format json; report_json=$last
  measure "publish DIR" "$landed" publish "$campaign" --out "$work/site"; publish=$last
  echo "ingest: $(echo "$n / $ingest" | bc) records per cpu-second, ${ingest_rss} KB peak;" \
       "report DB/DIR $(echo "scale=2; $report_db / $report_dir" | bc);" \
       "publish/report-json $(echo "scale=2; $publish / $report_json" | bc)"
done
