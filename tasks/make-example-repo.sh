#!/usr/bin/env bash
# Makes the git repository the bundled [repo] example task (tasks/examples/py-ledger-repo)
# starts from: tasks/.example-repos/ledger, with a `base` tag at the buggy commit and a later
# commit that fixes it (the future an agent must not see). Offline, deterministic, idempotent;
# `make demo` and the tests run it. Usage: tasks/make-example-repo.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo="$here/.example-repos/ledger"
if git -C "$repo" rev-parse -q --verify refs/tags/base >/dev/null 2>&1; then exit 0; fi
rm -rf "$repo.tmp" && mkdir -p "$repo.tmp"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null \
  GIT_AUTHOR_NAME=landed GIT_AUTHOR_EMAIL=landed@example.invalid \
  GIT_COMMITTER_NAME=landed GIT_COMMITTER_EMAIL=landed@example.invalid \
  GIT_AUTHOR_DATE=2026-01-01T00:00:00Z GIT_COMMITTER_DATE=2026-01-01T00:00:00Z
cd "$repo.tmp"
git init -q -b main
mkdir -p ledger tests
cat > ledger/__init__.py <<'PY'
PY
cat > ledger/balance.py <<'PY'
"""Account balances from a list of (account, amount_in_cents) entries."""


def balances(entries):
    """Total per account. Amounts are integer cents; refunds are negative."""
    totals = {}
    for account, cents in entries:
        if cents < 0:
            continue  # BUG: refunds are dropped instead of subtracted
        totals[account] = totals.get(account, 0) + cents
    return totals


def format_cents(cents):
    """1234 -> '12.34', -5 -> '-0.05'."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"
PY
cat > tests/test_format.py <<'PY'
import unittest

from ledger.balance import format_cents


class FormatTest(unittest.TestCase):
    def test_format(self):
        self.assertEqual(format_cents(1234), "12.34")
        self.assertEqual(format_cents(-5), "-0.05")
PY
cat > tests/__init__.py <<'PY'
PY
git add -A && git commit -q -m "ledger: balances and formatting"
git tag base
python3 - <<'PY'
import pathlib
p = pathlib.Path("ledger/balance.py")
p.write_text(p.read_text().replace(
    "        if cents < 0:\n            continue  # BUG: refunds are dropped instead of subtracted\n", ""))
PY
git commit -q -am "ledger: refunds count" --date=2026-01-02T00:00:00Z
cd "$here"
rm -rf "$repo" && mv "$repo.tmp" "$repo"
