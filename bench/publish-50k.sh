#!/bin/sh
# Times `landed publish` on a 50,000-attempt campaign (500 tasks x 20 contenders x 5 repeats)
# against baselines in the same run: `landed report --format json` on the same records (the
# figures alone) and `cp -r` of the campaign; and compares the site's size with the records'.
# Also times `landed ingest` and publishing from the history database.
# usage: bench/publish-50k.sh BUILD_DIR
set -eu
build=$(cd "${1:?usage: bench/publish-50k.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
landed="$build/landed"
work="$build/bench-data/publish-50k"
campaign="$work/campaign"
if [ ! -s "$campaign/records.jsonl" ]; then
  echo "generating the 50,000-attempt campaign into $campaign (once)"
  /usr/bin/python3 "$here/make-campaign-50k.py" "$campaign"
fi
rm -rf "$work/site" "$work/site-db" "$work/copy" "$work/landed.db"
cat "$campaign/records.jsonl" > /dev/null  # warm the page cache
echo "records: $(wc -l < "$campaign/records.jsonl") lines, $(du -sk "$campaign" | cut -f1) KiB; cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"

measure() {  # label, command...: prints elapsed, cpu, peak RSS; leaves elapsed in $last
  label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.out" "$@" > /dev/null
  read -r elapsed user sys rss < "$work/time.out"
  printf '%-34s %7.2f s elapsed  %6.2f s cpu  %7d KB peak\n' "$label" "$elapsed" \
    "$(echo "$user + $sys" | bc)" "$rss"
  last=$(echo "$user + $sys" | bc)
}

measure "cp -r campaign" cp -r "$campaign" "$work/copy"; cp_s=$last
measure "landed report --format json" "$landed" report "$campaign" --format json; report_s=$last
measure "landed publish DIR" "$landed" publish "$campaign" --out "$work/site"; publish_s=$last
measure "landed ingest" "$landed" ingest "$campaign" --db "$work/landed.db"
measure "landed publish DB" "$landed" publish "$work/landed.db" --out "$work/site-db"; publish_db_s=$last

records_kb=$(du -sk "$campaign/records.jsonl" | cut -f1)
site_kb=$(du -sk "$work/site" | cut -f1)
index_kb=$(du -k "$work/site/index.html" | cut -f1)
task_kb=$(du -k "$work/site/tasks/task-000.html" | cut -f1)
files=$(find "$work/site" -type f | wc -l)
echo "site: $files files, $site_kb KiB (records.jsonl: $records_kb KiB); index.html $index_kb KiB; one task page $task_kb KiB"
echo "ratios (cpu time): publish/report-json $(echo "scale=2; $publish_s / $report_s" | bc)," \
     "publish/cp-r $(echo "scale=2; $publish_s / $cp_s" | bc)," \
     "publish-from-DB/report-json $(echo "scale=2; $publish_db_s / $report_s" | bc);" \
     "size site/records $(echo "scale=2; $site_kb / $records_kb" | bc)"
