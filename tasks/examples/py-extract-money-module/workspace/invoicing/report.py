"""The monthly revenue report over many invoices."""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

SYMBOL_BY_CURRENCY = {"USD": "$", "GBP": "£", "EUR": "€"}


def _to_cents(amount):
    value = Decimal(str(amount)) * 100
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _format_amount(cents, currency):
    symbol = SYMBOL_BY_CURRENCY.get(currency)
    if symbol is None:
        raise ValueError(f"unknown currency: {currency}")
    negative = cents < 0
    units, rest = divmod(abs(cents), 100)
    if currency == "EUR":
        text = "{:,}".format(units).replace(",", ".") + ",{:02d} ".format(rest) + symbol
    else:
        text = symbol + "{:,}.{:02d}".format(units, rest)
    return "-" + text if negative else text


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
        totals[currency] = totals.get(currency, 0) - _to_cents(amount)
    lines = [f"Revenue {month}", f"  invoices: {len(invoices)}"]
    for currency in sorted(totals):
        lines.append(f"  {currency}: {_format_amount(totals[currency], currency):>16}")
    return "\n".join(lines) + "\n"
