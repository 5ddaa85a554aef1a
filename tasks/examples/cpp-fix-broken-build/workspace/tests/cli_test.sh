#!/bin/sh
# Command-line tests of wordfreq; run from the project root after `make`.
set -u
failures=0

expect() {  # expect NAME EXPECTED-OUTPUT COMMAND...
  name=$1 expected=$2
  shift 2
  actual=$("$@" 2>&1)
  if [ "$actual" = "$expected" ]; then
    echo "ok   $name"
  else
    echo "FAIL $name"
    printf 'expected:\n%s\nactual:\n%s\n' "$expected" "$actual"
    failures=$((failures + 1))
  fi
}

expect "top three words" "4 the
3 dog
2 fox" ./wordfreq -n 3 tests/sample.txt

[ "$failures" -eq 0 ]
