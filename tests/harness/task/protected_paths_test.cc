#include "harness/task/protected_paths.h"

#include <gtest/gtest.h>

#include "tests/harness/task/task_fixture.h"
#include "tests/test_support.h"

namespace landed {
namespace {

namespace fs = std::filesystem;

ProtectedPaths guard(std::vector<std::string> globs = {"**/conftest.py", "pytest.ini"}) {
  return ProtectedPaths({"tests/hidden/test_calc.py", "tests/hidden/__init__.py"},
                        std::move(globs));
}

TEST(ProtectedPaths, HiddenTestsTheirFoldersAndPathsBelowThemAreHidden) {
  const ProtectedPaths paths = guard();
  EXPECT_EQ(paths.classify("tests/hidden/test_calc.py"), PathGuard::kHiddenTest);
  EXPECT_EQ(paths.classify("tests/hidden"), PathGuard::kHiddenTest);  // e.g. replaced by a link
  EXPECT_EQ(paths.classify("tests"), PathGuard::kHiddenTest);
  EXPECT_EQ(paths.classify("tests/hidden/test_calc.py/x"), PathGuard::kHiddenTest);
  EXPECT_EQ(paths.classify("tests/test_visible.py"), PathGuard::kFree);
  EXPECT_EQ(paths.classify("tests/hiddenx"), PathGuard::kFree);
}

TEST(ProtectedPaths, AHiddenFolderTheBaseLacksIsHiddenAsAWhole) {
  ProtectedPaths paths = guard();
  paths.hide_folders_not_in_base([](std::string_view folder) { return folder == "tests"; });
  EXPECT_EQ(paths.classify("tests/hidden/test_zz_new.py"), PathGuard::kHiddenTest);
  EXPECT_EQ(paths.classify("tests/hidden/sub/conftest.py"), PathGuard::kHiddenTest);
  EXPECT_EQ(paths.classify("tests/test_visible.py"), PathGuard::kFree);
}

TEST(ProtectedPaths, GlobsProtectMatchingPathsAndEverythingBelowThem) {
  const ProtectedPaths paths = guard();
  EXPECT_EQ(paths.classify("conftest.py"), PathGuard::kProtected);
  EXPECT_EQ(paths.classify("pkg/sub/conftest.py"), PathGuard::kProtected);
  EXPECT_EQ(paths.classify("conftest.py/inner.py"), PathGuard::kProtected);
  EXPECT_EQ(paths.classify("pytest.ini"), PathGuard::kProtected);
  EXPECT_EQ(paths.classify("sub/pytest.ini"), PathGuard::kFree);  // a plain name is root only
  EXPECT_EQ(paths.classify("calc.py"), PathGuard::kFree);
}

TEST(ProtectedPaths, AFileTurnedIntoAFolderSharesTheGuardOfItsGuardedPart) {
  // The agent deleted sub/conftest.py and sub/, and wrote a file named `sub`: applying the file
  // while keeping sub/conftest.py could not work, so `sub` is kept at the base too.
  const auto guards = guard().guard_patch({"sub", "sub/conftest.py", "calc.py"});
  EXPECT_EQ(guards.at("sub"), PathGuard::kProtected);
  EXPECT_EQ(guards.at("sub/conftest.py"), PathGuard::kProtected);
  EXPECT_EQ(guards.at("calc.py"), PathGuard::kFree);
}

TEST(ProtectedPaths, TheDefaultsCoverTheTestRunnerHooksOfEachEcosystem) {
  const ProtectedPaths paths({}, default_protect_globs());
  for (const char* hook : {"conftest.py", "tests/conftest.py", "pytest.ini", "tox.ini",
                           "web/jest.config.js", "vitest.config.ts", ".mocharc.yml",
                           "build/CTestTestfile.cmake", "CTestTestfile.cmake", "tests/__init__.py"})
    EXPECT_EQ(paths.classify(hook), PathGuard::kProtected) << hook;
  for (const char* code : {"calc.py", "src/index.js", "CMakeLists.txt", "package.json"})
    EXPECT_EQ(paths.classify(code), PathGuard::kFree) << code;
}

TEST(ProtectedPaths, TaskProtectAddsToTheDefaultsAndProtectDefaultsFalseDropsThem) {
  testing::ScratchDir scratch;
  testing::write_good_task(scratch / "t",
                           "[verify]\ncommand = \"true\"\nprotect = [\"package.json\"]\n");
  testing::write_good_task(scratch / "u", "[verify]\ncommand = \"true\"\nprotect = "
                                          "[\"package.json\"]\nprotect_defaults = false\n");
  auto with_defaults = load_task(scratch / "t");
  auto without = load_task(scratch / "u");
  ASSERT_TRUE(with_defaults.ok()) << with_defaults.error().message;
  ASSERT_TRUE(without.ok()) << without.error().message;
  EXPECT_EQ(protected_paths(*with_defaults).classify("package.json"), PathGuard::kProtected);
  EXPECT_EQ(protected_paths(*with_defaults).classify("conftest.py"), PathGuard::kProtected);
  EXPECT_EQ(protected_paths(*without).classify("package.json"), PathGuard::kProtected);
  EXPECT_EQ(protected_paths(*without).classify("conftest.py"), PathGuard::kFree);
  EXPECT_EQ(protected_paths(*without).classify("sub/t.c"), PathGuard::kHiddenTest);
}

TEST(ProtectedPaths, BadProtectGlobsAndHistoryValuesAreLoadErrors) {
  testing::ScratchDir scratch;
  testing::write_good_task(scratch / "a", "[verify]\ncommand = \"true\"\nprotect = [\"/etc/x\"]\n");
  testing::write_good_task(scratch / "b", "[verify]\ncommand = \"true\"\nprotect = [\"../x\"]\n");
  testing::write_good_task(scratch / "c", "[verify]\ncommand = \"true\"\nprotect_defaults = 1\n");
  for (const char* name : {"a", "b", "c"}) {
    auto task = load_task(scratch / name);
    ASSERT_FALSE(task.ok()) << name;
    EXPECT_NE(task.error().message.find("task.toml"), std::string::npos) << task.error().message;
  }
}

TEST(LoadTask, RepoHistoryIsNoneByDefaultAndAncestorsWhenAsked) {
  testing::ScratchDir scratch;
  const std::string repo = "[verify]\ncommand = \"true\"\n[repo]\nurl = \"https://example.com/x.git\"\nrev = \"main\"\n";
  testing::write_good_task(scratch / "a", repo);
  testing::write_good_task(scratch / "b", repo + "history = \"ancestors\"\n");
  testing::write_good_task(scratch / "c", repo + "history = \"all\"\n");
  for (const char* name : {"a", "b", "c"}) ASSERT_TRUE(remove_tree(scratch / name / "workspace").ok());
  auto a = load_task(scratch / "a");
  auto b = load_task(scratch / "b");
  auto c = load_task(scratch / "c");
  ASSERT_TRUE(a.ok() && b.ok()) << (a.ok() ? b.error().message : a.error().message);
  EXPECT_FALSE(a->repo->keep_ancestors);
  EXPECT_TRUE(b->repo->keep_ancestors);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("history must be \"none\" or \"ancestors\""), std::string::npos)
      << c.error().message;
}

}  // namespace
}  // namespace landed
