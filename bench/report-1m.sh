#!/bin/sh
# Times `landed report` on 1,000,000 records against baselines in the same run:
# `cat > /dev/null` (reading the bytes), `wc -l`, and a stdlib-Python aggregator.
# usage: bench/report-1m.sh BUILD_DIR        (N=... to change the record count)
set -eu
build=$(cd "${1:?usage: bench/report-1m.sh BUILD_DIR}" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
n=${N:-1000000}
data="$build/bench-data/records-$n.jsonl"
mkdir -p "$build/bench-data"
if [ ! -s "$data" ]; then
  echo "generating $n records into $data (once)"
  /usr/bin/python3 "$here/make-records.py" "$n" "$data.tmp" && mv "$data.tmp" "$data"
fi
bytes=$(stat -L -c %s "$data")
echo "file: $data ($((bytes / 1000000)) MB, $n records); cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$data" > /dev/null  # warm the page cache so every run reads from memory

measure() {  # label, command...: prints elapsed seconds, user+sys, peak RSS
  label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$build/bench-data/time.out" "$@" > /dev/null
  read -r elapsed user sys rss < "$build/bench-data/time.out"
  printf '%-28s %7.2f s elapsed  %6.2f s cpu  %7d KB peak\n' "$label" "$elapsed" \
    "$(echo "$user + $sys" | bc)" "$rss"
  echo "$elapsed" > "$build/bench-data/last.elapsed"
}

measure "cat > /dev/null" cat "$data"
cat_s=$(cat "$build/bench-data/last.elapsed")
measure "wc -l" wc -l "$data"
for threads in 1 0; do
  label="landed report --threads $threads"
  [ "$threads" = 0 ] && label="landed report (default)"
  measure "$label" "$build/landed" report --threads "$threads" "$data"
done
landed_s=$(cat "$build/bench-data/last.elapsed")
measure "landed report --format json" "$build/landed" report --format json "$data"
if [ "${SKIP_PYTHON:-}" = "" ]; then
  measure "python stdlib aggregator" /usr/bin/python3 "$here/py-aggregate.py" "$data"
  py_s=$(cat "$build/bench-data/last.elapsed")
  echo "ratio: landed report / python = $(echo "scale=3; $landed_s / $py_s" | bc)"
fi
echo "ratio: landed report / cat = $(echo "scale=2; $landed_s / $cat_s" | bc)"
