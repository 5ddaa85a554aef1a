import unittest

from calc import CalcError, evaluate, tokenize


class EvaluateTest(unittest.TestCase):
    def test_arithmetic(self):
        self.assertEqual(evaluate("1 + 2 * 3"), 7)
        self.assertEqual(evaluate("(1 + 2) * 3"), 9)
        self.assertEqual(evaluate("7 % 4"), 3)

    def test_variables_and_functions(self):
        self.assertEqual(evaluate("price * (1 + vat)", {"price": 10, "vat": 0.5}), 15)
        self.assertEqual(evaluate("max(1, abs(-5), 3)"), 5)
        self.assertEqual(evaluate("min(4, 2 ** 3 ** 2, 3)"), 3)
        self.assertEqual(evaluate("round(2.567 * 100) / 100"), 2.57)

    def test_errors(self):
        for text in ("1 +", "(1", "2 $ 3", "nope + 1", "1 / 0", "", "max(1,", "()"):
            with self.subTest(text=text):
                with self.assertRaises(CalcError):
                    evaluate(text)


class AssociativityTest(unittest.TestCase):
    def test_subtraction_and_division_group_left(self):
        cases = {"100 - 20 - 5": 75, "64 / 4 / 2": 8, "10 - 2 + 3": 11, "100 / 10 * 2": 20,
                 "2 * 3 % 4": 2, "20 % 7 * 2": 12, "1 - 1 - 1 - 1": -2, "(8 - 3) - (2 - 1)": 4,
                 "8 - (3 - 2)": 7}
        for text, want in cases.items():
            with self.subTest(text=text):
                self.assertEqual(evaluate(text), want)

    def test_power_groups_right(self):
        self.assertEqual(evaluate("2 ** 3 ** 2"), 512)
        self.assertEqual(evaluate("(2 ** 3) ** 2"), 64)
        self.assertEqual(evaluate("2 ** 2 ** 2 ** 2"), 65536)

    def test_power_binds_tighter_than_unary_minus(self):
        self.assertEqual(evaluate("-2 ** 2"), -4)
        self.assertEqual(evaluate("(-2) ** 2"), 4)
        self.assertEqual(evaluate("-x ** 2", {"x": 3}), -9)
        self.assertEqual(evaluate("10 - -2 ** 2"), 14)
        self.assertEqual(evaluate("2 * -3 ** 2"), -18)

    def test_negative_exponents(self):
        self.assertEqual(evaluate("2 ** -1"), 0.5)
        self.assertEqual(evaluate("-2 ** -2"), -0.25)
        self.assertEqual(evaluate("2 ** - - 2"), 4)
        self.assertEqual(evaluate("2 ** -1 ** 2"), 0.5)

    def test_unary_signs(self):
        self.assertEqual(evaluate("- - 3"), 3)
        self.assertEqual(evaluate("+3 - +1"), 2)
        self.assertEqual(evaluate("-(1 + 2) * 2"), -6)


class NumberTest(unittest.TestCase):
    def test_number_forms(self):
        cases = {"1e3": 1000, "2.5E-2": 0.025, ".5": 0.5, "1.5e+2": 150, "12": 12, "0.25": 0.25,
                 ".5e1": 5, "3E2 - 1e2": 200}
        for text, want in cases.items():
            with self.subTest(text=text):
                self.assertAlmostEqual(evaluate(text), want)

    def test_exponent_is_one_token(self):
        numbers = [t.text for t in tokenize("1e3 + 2.5E-2 * .5") if t.kind == "number"]
        self.assertEqual(numbers, ["1e3", "2.5E-2", ".5"])

    def test_names_starting_with_e_are_still_names(self):
        self.assertEqual(evaluate("e * 2 + eps", {"e": 3, "eps": 1}), 7)
        self.assertEqual(evaluate("2 * e", {"e": 3}), 6)


class LeftoverInputTest(unittest.TestCase):
    def test_leftover_tokens_are_errors_with_position(self):
        cases = {"price * 1.2 tax": 12, "1 2": 2, "(1 + 2) 3": 8, "1 + 2)": 5, "abs(1) (2)": 7}
        for text, position in cases.items():
            with self.subTest(text=text):
                with self.assertRaises(CalcError) as caught:
                    evaluate(text, {"price": 10, "tax": 1})
                self.assertEqual(caught.exception.position, position)

    def test_error_position_inside_formula_is_kept(self):
        with self.assertRaises(CalcError) as caught:
            evaluate("1 + * 2")
        self.assertEqual(caught.exception.position, 4)


if __name__ == "__main__":
    unittest.main()
