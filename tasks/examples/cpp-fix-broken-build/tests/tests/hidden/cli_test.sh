#!/bin/sh
# Command-line tests of wordfreq; run from the project root after `make`.
set -u
failures=0

expect() {  # expect NAME EXPECTED-OUTPUT COMMAND...
  name=$1 expected=$2
  shift 2
  actual=$("$@" 2>/dev/null)
  if [ "$actual" = "$expected" ]; then
    echo "ok   $name"
  else
    echo "FAIL $name"
    printf 'expected:\n%s\nactual:\n%s\n' "$expected" "$actual"
    failures=$((failures + 1))
  fi
}

expect_status() {  # expect_status NAME STATUS COMMAND...
  name=$1 expected=$2
  shift 2
  "$@" >/dev/null 2>&1
  actual=$?
  if [ "$actual" = "$expected" ]; then
    echo "ok   $name"
  else
    echo "FAIL $name: exit status $actual, expected $expected"
    failures=$((failures + 1))
  fi
}

[ -x ./wordfreq ] || { echo "FAIL ./wordfreq was not built"; exit 1; }

expect "top three words" "4 the
3 dog
2 fox" ./wordfreq -n 3 tests/hidden/sample.txt

expect "default shows ten, ties alphabetical" "4 the
3 dog
2 fox
1 a
1 barks
1 brown
1 day
1 jumps
1 lazy
1 over" ./wordfreq tests/hidden/sample.txt

big=./cli_test_input.txt
: > "$big"
i=0
while [ $i -lt 12 ]; do printf 'alpha alpha beta ' >> "$big"; i=$((i + 1)); done
printf 'Gamma\n' >> "$big"
expect "counts are right-aligned" "24 alpha
12 beta
 1 gamma" ./wordfreq -n 5 "$big"
rm -f "$big"

expect "zero words requested" "" ./wordfreq -n 0 tests/hidden/sample.txt
expect_status "missing file fails" 1 ./wordfreq tests/hidden/no-such-file.txt
expect_status "bad option is a usage error" 2 ./wordfreq -n x tests/hidden/sample.txt
expect_status "no file is a usage error" 2 ./wordfreq

[ "$failures" -eq 0 ]
