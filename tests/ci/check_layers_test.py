""".ci/check-layers fails on what it exists to catch: run on a temporary copy of the source
folders, ARCHITECTURE.md and CMakeLists.txt, each test plants one violation."""
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

SOURCE = pathlib.Path(__file__).resolve().parents[2]
CHECK = SOURCE / ".ci" / "check-layers"


class CheckLayersTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.repo = pathlib.Path(self.tmp.name)
        for folder in ("harness", "results", "scoring", "runners"):
            shutil.copytree(SOURCE / folder, self.repo / folder,
                            ignore=shutil.ignore_patterns("*.js", "*.css", "*.toml", "*.md"))
        for name in ("ARCHITECTURE.md", "CMakeLists.txt"):
            shutil.copy(SOURCE / name, self.repo / name)

    def tearDown(self):
        self.tmp.cleanup()

    def check(self):
        return subprocess.run([sys.executable, str(CHECK), str(self.repo)], capture_output=True, text=True)

    def test_the_tree_as_it_is_passes(self):
        result = self.check()
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_an_include_across_a_forbidden_edge_fails_naming_file_and_line(self):
        planted = self.repo / "scoring" / "planted.cc"
        planted.write_text('#include "scoring/cost.h"\n#include "harness/process/process.h"\n')
        result = self.check()
        self.assertEqual(result.returncode, 1)
        self.assertIn('scoring/planted.cc:2: #include "harness/process/process.h" crosses to harness/process/',
                      result.stderr)
        self.assertNotIn("planted.cc:1", result.stderr)

    def test_an_include_transitively_allowed_passes(self):
        (self.repo / "harness" / "campaign" / "planted.cc").write_text('#include "harness/base/error.h"\n')
        self.assertEqual(self.check().returncode, 0)

    def test_a_folder_the_table_does_not_list_fails(self):
        (self.repo / "harness" / "unlisted").mkdir()
        (self.repo / "harness" / "unlisted" / "x.cc").write_text("int x;\n")
        result = self.check()
        self.assertEqual(result.returncode, 1)
        self.assertIn("harness/unlisted/x.cc:1: in harness/unlisted/", result.stderr)

    def test_printing_below_the_command_line_fails(self):
        (self.repo / "results" / "model" / "planted.cc").write_text('void f() {\n  std::cerr << "x";\n}\n')
        result = self.check()
        self.assertEqual(result.returncode, 1)
        self.assertIn("results/model/planted.cc:2: prints below harness/cli/", result.stderr)

    def test_a_cmake_link_the_table_does_not_draw_fails(self):
        cmake = self.repo / "CMakeLists.txt"
        text = cmake.read_text()
        self.assertIn("landed_layer(landed_scoring scoring LINKS landed_model", text)
        cmake.write_text(text.replace("landed_layer(landed_scoring scoring LINKS landed_model",
                                      "landed_layer(landed_scoring scoring LINKS landed_model landed_process"))
        result = self.check()
        self.assertEqual(result.returncode, 1)
        self.assertIn("landed_layer(landed_scoring scoring) LINKS landed_model landed_process", result.stderr)


if __name__ == "__main__":
    unittest.main()
