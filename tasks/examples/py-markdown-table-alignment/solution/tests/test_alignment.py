import io
import unittest

from tablefmt import render
from tablefmt.cli import main


class AlignmentTest(unittest.TestCase):
    def test_list_of_alignments(self):
        self.assertEqual(render(["item", "price", "note"], [["tea", "1.50", "hot"]],
                                align=["left", "right", "center"]),
                         "| item | price | note |\n"
                         "| :--- | ----: | :--: |\n"
                         "| tea  |  1.50 | hot  |\n")

    def test_dict_leaves_other_columns_unaligned(self):
        self.assertEqual(render(["a", "b"], [["x", "y"]], align={"b": "right"}),
                         "| a   |   b |\n| --- | --: |\n| x   |   y |\n")

    def test_no_align_is_unchanged(self):
        self.assertEqual(render(["a"], [["x"]], align=None), render(["a"], [["x"]]))

    def test_bad_alignments(self):
        with self.assertRaises(ValueError):
            render(["a"], [["x"]], align=["middle"])
        with self.assertRaises(ValueError):
            render(["a"], [["x"]], align=["left", "right"])
        with self.assertRaises(ValueError):
            render(["a"], [["x"]], align={"z": "left"})

    def test_cli_align_flag(self):
        out = io.StringIO()
        status = main(["--align", "l,r"], io.StringIO("a,b\nx,y\n"), out, io.StringIO())
        self.assertEqual(status, 0)
        self.assertEqual(out.getvalue(), "| a   |   b |\n| :-- | --: |\n| x   |   y |\n")


if __name__ == "__main__":
    unittest.main()
