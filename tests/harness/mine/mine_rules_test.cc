#include <gtest/gtest.h>

#include "harness/mine/candidates.h"
#include "harness/mine/test_paths.h"
#include "harness/mine/verify_detect.h"

namespace landed {
namespace {

TEST(TestPaths, DefaultGlobsFindTestsOfTheCommonLanguagesAndNothingElse) {
  const auto globs = default_test_globs();
  for (const char* path : {"tests/test_x.py", "pkg/tests/x.py", "test_a.py", "src/a_test.go",
                           "web/a.test.js", "web/__tests__/a.js", "src/ring_test.cc",
                           "tests/integration.rs", "ui/a.spec.ts"})
    EXPECT_TRUE(is_test_path(path, globs)) << path;
  for (const char* path : {"src/calc.py", "testing.md", "src/contest.go", "latest/a.js"})
    EXPECT_FALSE(is_test_path(path, globs)) << path;
  EXPECT_TRUE(is_test_path("spec/a_spec.rb", {"spec/*"}));
  EXPECT_FALSE(is_test_path("tests/a.py", {"spec/*"}));
}

TEST(VerifyDetect, RootFilesChooseTheRunnerAndTestsAreQuoted) {
  auto only = [](std::string name, std::string text = "") {
    return [name, text](const std::string& file) -> std::optional<std::string> {
      if (file == name) return text;
      return std::nullopt;
    };
  };
  EXPECT_EQ(detect_verify_command(only("Cargo.toml"), {}), "cargo test --offline -q");
  EXPECT_EQ(detect_verify_command(only("go.mod"), {}), "go test ./...");
  EXPECT_EQ(detect_verify_command(only("package.json", R"({"devDependencies":{"vitest":"1"}})"), {}),
            "npx vitest run {tests}");
  EXPECT_EQ(detect_verify_command(only("package.json", R"({"devDependencies":{"jest":"29"}})"), {}),
            "npx jest {tests}");
  EXPECT_EQ(detect_verify_command(only("pyproject.toml"), {}), "python3 -m pytest -q {tests}");
  EXPECT_EQ(detect_verify_command(only("none"), {"tests/test_a.py"}), "python3 -m pytest -q {tests}");
  EXPECT_NE(detect_verify_command(only("CMakeLists.txt"), {})->find("ctest"), std::string::npos);
  EXPECT_FALSE(detect_verify_command(only("none"), {"a_test.zig"}));
  EXPECT_EQ(expand_tests("pytest {tests}", {"tests/a b.py", "it's.py"}),
            "pytest 'tests/a b.py' 'it'\\''s.py'");
}

HistoryCommit commit_with(std::string sha, std::vector<ChangedFile> files) {
  HistoryCommit c;
  c.sha = std::move(sha);
  c.parent_sha = "p";
  c.summary = "Fix: the Parser's off-by-one!";
  c.files = std::move(files);
  return c;
}

TEST(Candidates, OnlyCommitsWithTestsAndCodeAreCandidatesAndDeletionsAreSkippedWithWhy) {
  const auto globs = default_test_globs();
  const std::vector<HistoryCommit> commits = {
      commit_with("aaaaaaaaaa", {{"src/p.py", FileChange::kModified},
                                 {"tests/test_p.py", FileChange::kAdded}}),
      commit_with("bbbbbbbbbb", {{"README.md", FileChange::kModified}}),
      commit_with("cccccccccc", {{"src/old.py", FileChange::kDeleted},
                                 {"tests/test_p.py", FileChange::kModified}})};
  const CandidateSelection selection = select_candidates(commits, globs);
  ASSERT_EQ(selection.candidates.size(), 1u);
  EXPECT_EQ(selection.candidates[0].task_id, "aaaaaaaa-fix-the-parser-s-off-by-one");
  EXPECT_EQ(selection.candidates[0].tests, (std::vector<std::string>{"tests/test_p.py"}));
  EXPECT_EQ(selection.candidates[0].solution, (std::vector<std::string>{"src/p.py"}));
  EXPECT_EQ(selection.without_tests_and_code, 1u);
  ASSERT_EQ(selection.skipped.size(), 1u);
  EXPECT_EQ(selection.skipped[0].reason,
            "deletes src/old.py: a task's solution/ cannot express deletions");
}

}  // namespace
}  // namespace landed
