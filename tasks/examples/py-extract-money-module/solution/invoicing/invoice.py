"""Invoices: line items, tax and the rendered invoice text."""

from dataclasses import dataclass, field
from decimal import Decimal

from .money import format_money, to_cents


@dataclass(frozen=True)
class LineItem:
    description: str
    quantity: int
    unit_price: str  # in currency units, e.g. "19.99"

    def total_cents(self):
        return to_cents(Decimal(str(self.unit_price)) * self.quantity)


@dataclass
class Invoice:
    number: str
    currency: str
    tax_rate: str = "0"  # in percent, e.g. "20" or "7.5"
    items: list = field(default_factory=list)

    def subtotal_cents(self):
        return sum(item.total_cents() for item in self.items)

    def tax_cents(self):
        # Cents times percent is 1/10000 of a currency unit.
        return to_cents(Decimal(self.subtotal_cents()) * Decimal(self.tax_rate) / 10000)

    def total_cents(self):
        return self.subtotal_cents() + self.tax_cents()

    def render(self):
        """The invoice as fixed-width text."""
        lines = [f"Invoice {self.number}"]
        for item in self.items:
            price = format_money(to_cents(item.unit_price), self.currency)
            total = format_money(item.total_cents(), self.currency)
            lines.append(f"  {item.description:<24} {item.quantity:>4} x {price:>12} = {total:>14}")
        lines.append(f"  {'Subtotal':<45} {format_money(self.subtotal_cents(), self.currency):>14}")
        rate = Decimal(self.tax_rate)
        lines.append(f"  {'Tax ' + format(rate.normalize(), 'f') + ' %':<45} "
                     f"{format_money(self.tax_cents(), self.currency):>14}")
        lines.append(f"  {'Total':<45} {format_money(self.total_cents(), self.currency):>14}")
        return "\n".join(lines) + "\n"
