"""Pins the behaviour of invoices and reports, and checks the money code lives in one module."""

import importlib
import inspect
import unittest
from decimal import Decimal

from invoicing import invoice as invoice_module
from invoicing import report as report_module
from invoicing.invoice import Invoice, LineItem
from invoicing.report import monthly_report, revenue_by_currency


def sample_invoices():
    return [
        Invoice("2024-0042", "EUR", "7.5", [LineItem("Consulting (hours)", 12, "95.5"),
                                            LineItem("Travel", 1, "1234.565"),
                                            LineItem("Discount", 1, "-50")]),
        Invoice("US-7", "USD", "20", [LineItem("Widget", 3, "19.99"),
                                      LineItem("Server rack", 2, "1249999.995")]),
        Invoice("UK-1", "GBP", "0", [LineItem("Refund credit", 1, "-3"),
                                     LineItem("Stamp", 7, "0.005")]),
        Invoice("US-8", "USD", "8.875", []),
    ]


RENDERED = [
    "Invoice 2024-0042\n"
    "  Consulting (hours)         12 x      95,50 € =     1.146,00 €\n"
    "  Travel                      1 x   1.234,57 € =     1.234,57 €\n"
    "  Discount                    1 x     -50,00 € =       -50,00 €\n"
    "  Subtotal                                          2.330,57 €\n"
    "  Tax 7.5 %                                           174,79 €\n"
    "  Total                                             2.505,36 €\n",
    "Invoice US-7\n"
    "  Widget                      3 x       $19.99 =         $59.97\n"
    "  Server rack                 2 x $1,250,000.00 =  $2,499,999.99\n"
    "  Subtotal                                       $2,500,059.96\n"
    "  Tax 20 %                                         $500,011.99\n"
    "  Total                                          $3,000,071.95\n",
    "Invoice UK-1\n"
    "  Refund credit               1 x       -£3.00 =         -£3.00\n"
    "  Stamp                       7 x        £0.01 =          £0.04\n"
    "  Subtotal                                              -£2.96\n"
    "  Tax 0 %                                                £0.00\n"
    "  Total                                                 -£2.96\n",
    "Invoice US-8\n"
    "  Subtotal                                               $0.00\n"
    "  Tax 8.875 %                                            $0.00\n"
    "  Total                                                  $0.00\n",
]

REPORT_MAY = ("Revenue 2024-05\n"
              "  invoices: 4\n"
              "  EUR:           0,00 €\n"
              "  GBP:           -£2.97\n"
              "  USD:   -$6,999,928.05\n")


class BehaviourIsUnchangedTest(unittest.TestCase):
    def test_rendered_invoices(self):
        for invoice, want in zip(sample_invoices(), RENDERED):
            with self.subTest(invoice=invoice.number):
                self.assertEqual(invoice.render(), want)

    def test_invoice_totals(self):
        eur, usd, gbp, empty = sample_invoices()
        self.assertEqual((eur.subtotal_cents(), eur.tax_cents(), eur.total_cents()),
                         (233057, 17479, 250536))
        self.assertEqual(usd.items[1].total_cents(), 249999999)
        self.assertEqual(gbp.total_cents(), -296)
        self.assertEqual(empty.total_cents(), 0)

    def test_monthly_report(self):
        refunds = [("GBP", "0.005"), ("USD", "10000000"), ("EUR", "2505.355")]
        self.assertEqual(monthly_report("2024-05", sample_invoices(), refunds), REPORT_MAY)
        self.assertEqual(monthly_report("2024-06", []), "Revenue 2024-06\n  invoices: 0\n")

    def test_revenue_by_currency(self):
        self.assertEqual(revenue_by_currency(sample_invoices()),
                         {"EUR": 250536, "GBP": -296, "USD": 300007195})

    def test_unknown_currency_is_a_value_error(self):
        with self.assertRaisesRegex(ValueError, "JPY"):
            Invoice("J-1", "JPY", "0", [LineItem("Tea", 1, "5")]).render()
        with self.assertRaisesRegex(ValueError, "CHF"):
            monthly_report("2024-05", [], [("CHF", "1")])


class MoneyModuleTest(unittest.TestCase):
    def setUp(self):
        self.money = importlib.import_module("invoicing.money")

    def test_symbols(self):
        self.assertEqual(self.money.SYMBOLS, {"USD": "$", "GBP": "£", "EUR": "€"})

    def test_to_cents(self):
        to_cents = self.money.to_cents
        self.assertEqual(to_cents(3), 300)
        self.assertEqual(to_cents("19.99"), 1999)
        self.assertEqual(to_cents("2.675"), 268)
        self.assertEqual(to_cents("2.674"), 267)
        self.assertEqual(to_cents(Decimal("-1.005")), -101)
        self.assertEqual(to_cents("0.004"), 0)
        self.assertIs(type(to_cents("1.5")), int)

    def test_format_money(self):
        fmt = self.money.format_money
        self.assertEqual(fmt(123450, "USD"), "$1,234.50")
        self.assertEqual(fmt(-300, "GBP"), "-£3.00")
        self.assertEqual(fmt(123450, "EUR"), "1.234,50 €")
        self.assertEqual(fmt(-123456789, "EUR"), "-1.234.567,89 €")
        self.assertEqual(fmt(5, "USD"), "$0.05")
        self.assertEqual(fmt(0, "EUR"), "0,00 €")
        with self.assertRaises(ValueError):
            fmt(100, "JPY")


class MoneyCodeHasOneHomeTest(unittest.TestCase):
    OLD_COPIES = ("_cents", "_fmt_money", "_to_cents", "_format_amount", "_SYMBOLS")

    def setUp(self):
        self.money = importlib.import_module("invoicing.money")
        self.money_objects = [self.money, self.money.to_cents, self.money.format_money]

    def test_old_private_copies_are_gone(self):
        for module in (invoice_module, report_module):
            for name in self.OLD_COPIES:
                value = getattr(module, name, None)
                with self.subTest(module=module.__name__, name=name):
                    # An alias of the shared code is fine; a second implementation is not.
                    self.assertTrue(value is None or any(value is o for o in self.money_objects)
                                    or value is self.money.SYMBOLS)

    def test_modules_use_the_money_module(self):
        for module in (invoice_module, report_module):
            with self.subTest(module=module.__name__):
                used = [v for v in vars(module).values()
                        if any(v is o for o in self.money_objects)]
                self.assertTrue(used, f"{module.__name__} does not use invoicing.money")

    def test_no_rounding_or_formatting_code_outside_money(self):
        for module in (invoice_module, report_module):
            source = inspect.getsource(module)
            for marker in ("ROUND_HALF_UP", "quantize", "divmod", ":02d}"):
                with self.subTest(module=module.__name__, marker=marker):
                    self.assertNotIn(marker, source)


if __name__ == "__main__":
    unittest.main()
