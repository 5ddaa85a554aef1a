"""The monthly revenue report over many invoices."""

from collections import defaultdict

from .money import SYMBOLS, format_money, to_cents

# Kept for callers that imported the table from here.
SYMBOL_BY_CURRENCY = SYMBOLS


def revenue_by_currency(invoices):
    """Total invoiced cents per currency, currencies sorted."""
    totals = defaultdict(int)
    for invoice in invoices:
        totals[invoice.currency] += invoice.total_cents()
    return dict(sorted(totals.items()))


def monthly_report(month, invoices, refunds=()):
    """The report text. `refunds` are (currency, amount in units) pairs, subtracted."""
    totals = revenue_by_currency(invoices)
    for currency, amount in refunds:
        totals[currency] = totals.get(currency, 0) - to_cents(amount)
    lines = [f"Revenue {month}", f"  invoices: {len(invoices)}"]
    for currency in sorted(totals):
        lines.append(f"  {currency}: {format_money(totals[currency], currency):>16}")
    return "\n".join(lines) + "\n"
