"""Money: amounts to whole cents and cents to display text, for every currency we bill in."""

from decimal import ROUND_HALF_UP, Decimal

SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€"}


def to_cents(amount):
    """Currency units (int, str or Decimal) to whole cents, halves rounded away from zero."""
    # str() first so a float never brings its binary rounding error into the Decimal.
    return int((Decimal(str(amount)) * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def format_money(cents, currency):
    """Cents as display text: "$1,234.50", "-£3.00", "1.234,50 €"; ValueError when unknown."""
    if currency not in SYMBOLS:
        raise ValueError(f"unknown currency: {currency}")
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    if currency == "EUR":
        grouped = f"{whole:,}".replace(",", ".")
        return f"{sign}{grouped},{frac:02d} {SYMBOLS[currency]}"
    return f"{sign}{SYMBOLS[currency]}{whole:,}.{frac:02d}"
