import unittest

from ledger.balance import balances


class RefundTest(unittest.TestCase):
    def test_refund_is_subtracted(self):
        self.assertEqual(balances([("a", 1000), ("a", -250)]), {"a": 750})

    def test_account_with_only_a_refund(self):
        self.assertEqual(balances([("b", -100), ("c", 5)]), {"b": -100, "c": 5})
