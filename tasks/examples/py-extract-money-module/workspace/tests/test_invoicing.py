import unittest

from invoicing.invoice import Invoice, LineItem
from invoicing.report import monthly_report, revenue_by_currency


class InvoiceTest(unittest.TestCase):
    def test_totals_with_tax(self):
        invoice = Invoice("A-1", "USD", "20", [LineItem("Widget", 3, "19.99")])
        self.assertEqual(invoice.subtotal_cents(), 5997)
        self.assertEqual(invoice.tax_cents(), 1199)
        self.assertEqual(invoice.total_cents(), 7196)

    def test_render_mentions_total(self):
        invoice = Invoice("A-2", "USD", "0", [LineItem("Gadget", 1, "1200")])
        self.assertIn("$1,200.00", invoice.render())


class ReportTest(unittest.TestCase):
    def test_revenue_by_currency(self):
        invoices = [Invoice("1", "USD", "0", [LineItem("a", 1, "10")]),
                    Invoice("2", "EUR", "0", [LineItem("b", 2, "5")]),
                    Invoice("3", "USD", "0", [LineItem("c", 1, "2.50")])]
        self.assertEqual(revenue_by_currency(invoices), {"EUR": 1000, "USD": 1250})

    def test_report_header(self):
        report = monthly_report("2024-05", [])
        self.assertTrue(report.startswith("Revenue 2024-05\n"))


if __name__ == "__main__":
    unittest.main()
