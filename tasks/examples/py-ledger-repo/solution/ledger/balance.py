"""Account balances from a list of (account, amount_in_cents) entries."""


def balances(entries):
    """Total per account. Amounts are integer cents; refunds are negative."""
    totals = {}
    for account, cents in entries:
        totals[account] = totals.get(account, 0) + cents
    return totals


def format_cents(cents):
    """1234 -> '12.34', -5 -> '-0.05'."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"
