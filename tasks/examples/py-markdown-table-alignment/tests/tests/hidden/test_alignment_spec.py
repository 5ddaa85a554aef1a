import contextlib
import io
import unittest

from tablefmt import render
from tablefmt.cli import main

ROWS = [["apple", "1.5", "x"], ["kiwi", "12.25", "yes"]]


def run_cli(argv, text):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            status = main(argv, io.StringIO(text), out, err)
        except SystemExit as e:
            status = e.code
    return status, out.getvalue()


class AlignmentSpecTest(unittest.TestCase):
    def test_unaligned_output_is_unchanged(self):
        want = ("| fruit | price | ok  |\n"
                "| ----- | ----- | --- |\n"
                "| apple | 1.5   | x   |\n"
                "| kiwi  | 12.25 | yes |\n")
        self.assertEqual(render(["fruit", "price", "ok"], ROWS), want)
        self.assertEqual(render(["fruit", "price", "ok"], ROWS, align=None), want)
        self.assertEqual(render(["fruit", "price", "ok"], ROWS, align=[None, None, None]), want)

    def test_left_right_center(self):
        self.assertEqual(render(["fruit", "price", "ok"], ROWS, align=["left", "right", "center"]),
                         "| fruit | price | ok  |\n"
                         "| :---- | ----: | :-: |\n"
                         "| apple |   1.5 |  x  |\n"
                         "| kiwi  | 12.25 | yes |\n")

    def test_center_puts_the_odd_space_on_the_right(self):
        self.assertEqual(render(["title"], [["ab"], ["abcd"], [""]], align=["center"]),
                         "| title |\n"
                         "| :---: |\n"
                         "|  ab   |\n"
                         "| abcd  |\n"
                         "|       |\n")

    def test_header_is_aligned_too(self):
        self.assertEqual(render(["n"], [["12345"]], align=["right"]),
                         "|     n |\n| ----: |\n| 12345 |\n")

    def test_narrow_columns_keep_three_dashes(self):
        self.assertEqual(render(["a", "b", "c"], [["1", "2", "3"]],
                                align=["left", "right", "center"]),
                         "| a   |   b |  c  |\n| :-- | --: | :-: |\n| 1   |   2 |  3  |\n")

    def test_dict_by_header_name(self):
        self.assertEqual(render(["fruit", "price", "ok"], ROWS, align={"price": "right"}),
                         "| fruit | price | ok  |\n"
                         "| ----- | ----: | --- |\n"
                         "| apple |   1.5 | x   |\n"
                         "| kiwi  | 12.25 | yes |\n")

    def test_escaped_cells_are_aligned_by_their_text(self):
        self.assertEqual(render(["v"], [["a|b"], [None]], align=["right"]),
                         "|    v |\n| ---: |\n| a\\|b |\n|      |\n")

    def test_errors(self):
        for align in (["left", "middle", None], ["left", "right"], {"nope": "left"},
                      {"price": "up"}):
            with self.subTest(align=align):
                with self.assertRaises(ValueError):
                    render(["fruit", "price", "ok"], ROWS, align=align)


class AlignmentCliSpecTest(unittest.TestCase):
    CSV = "fruit,price\napple,1.5\nkiwi,12.25\n"

    def test_long_names(self):
        status, out = run_cli(["--align", "left,right"], self.CSV)
        self.assertEqual(status, 0)
        self.assertEqual(out, "| fruit | price |\n| :---- | ----: |\n"
                              "| apple |   1.5 |\n| kiwi  | 12.25 |\n")

    def test_short_names_and_empty_entries(self):
        status, out = run_cli(["--align", ",c"], self.CSV)
        self.assertEqual(status, 0)
        self.assertEqual(out, "| fruit | price |\n| ----- | :---: |\n"
                              "| apple |  1.5  |\n| kiwi  | 12.25 |\n")
        status, out = run_cli(["--align", "r,l"], self.CSV)
        self.assertEqual(status, 0)
        self.assertTrue(out.startswith("| fruit | price |\n| ----: | :---- |\n"))

    def test_without_align_flag(self):
        status, out = run_cli([], self.CSV)
        self.assertEqual(status, 0)
        self.assertEqual(out, render(["fruit", "price"], [["apple", "1.5"], ["kiwi", "12.25"]]))

    def test_bad_align_exits_2(self):
        for value in ("left,sideways", "left"):
            with self.subTest(value=value):
                status, out = run_cli(["--align", value], self.CSV)
                self.assertEqual(status, 2)
                self.assertEqual(out, "")


if __name__ == "__main__":
    unittest.main()
