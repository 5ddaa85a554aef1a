import unittest

from calc import CalcError, evaluate


class EvaluateTest(unittest.TestCase):
    def test_arithmetic(self):
        self.assertEqual(evaluate("1 + 2 * 3"), 7)
        self.assertEqual(evaluate("(1 + 2) * 3"), 9)
        self.assertEqual(evaluate("7 % 4"), 3)

    def test_variables_and_functions(self):
        self.assertEqual(evaluate("price * (1 + vat)", {"price": 10, "vat": 0.5}), 15)
        self.assertEqual(evaluate("max(1, abs(-5), 3)"), 5)

    def test_errors(self):
        for text in ("1 +", "(1", "2 $ 3", "nope + 1", "1 / 0"):
            with self.subTest(text=text):
                with self.assertRaises(CalcError):
                    evaluate(text)


if __name__ == "__main__":
    unittest.main()
