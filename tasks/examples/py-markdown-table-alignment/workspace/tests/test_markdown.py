import io
import unittest

from tablefmt import render
from tablefmt.cli import main


class RenderTest(unittest.TestCase):
    def test_pads_columns(self):
        self.assertEqual(render(["name", "qty"], [["apple", 3], ["kiwi", 12]]),
                         "| name  | qty |\n"
                         "| ----- | --- |\n"
                         "| apple | 3   |\n"
                         "| kiwi  | 12  |\n")

    def test_escapes_pipes_and_newlines(self):
        self.assertEqual(render(["a"], [["x|y"], ["1\n2"], [None]]),
                         "| a    |\n| ---- |\n| x\\|y |\n| 1 2  |\n|      |\n")

    def test_rejects_short_rows(self):
        with self.assertRaises(ValueError):
            render(["a", "b"], [[1]])


class CliTest(unittest.TestCase):
    def test_csv_to_table(self):
        out, err = io.StringIO(), io.StringIO()
        status = main([], io.StringIO("name,qty\napple,3\n"), out, err)
        self.assertEqual(status, 0)
        self.assertEqual(out.getvalue(), "| name  | qty |\n| ----- | --- |\n| apple | 3   |\n")


if __name__ == "__main__":
    unittest.main()
