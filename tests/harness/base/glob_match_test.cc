#include "harness/base/glob_match.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

TEST(GlobMatch, APlainNameMatchesAtTheRootOnly) {
  EXPECT_TRUE(glob_match("pytest.ini", "pytest.ini"));
  EXPECT_FALSE(glob_match("pytest.ini", "sub/pytest.ini"));
  EXPECT_FALSE(glob_match("pytest.ini", "pytest.ini.bak"));
}

TEST(GlobMatch, DoubleStarMatchesAnyDepthIncludingNone) {
  EXPECT_TRUE(glob_match("**/conftest.py", "conftest.py"));
  EXPECT_TRUE(glob_match("**/conftest.py", "tests/conftest.py"));
  EXPECT_TRUE(glob_match("**/conftest.py", "a/b/c/conftest.py"));
  EXPECT_FALSE(glob_match("**/conftest.py", "a/b/c/conftest.pyc"));
  EXPECT_TRUE(glob_match("src/**/x", "src/x"));
  EXPECT_TRUE(glob_match("src/**/x", "src/a/b/x"));
  EXPECT_FALSE(glob_match("src/**/x", "other/a/x"));
  EXPECT_TRUE(glob_match("tests/**", "tests/a/b"));
}

TEST(GlobMatch, StarAndQuestionMarkStayInsideOneComponent) {
  EXPECT_TRUE(glob_match("**/jest.config.*", "web/jest.config.ts"));
  EXPECT_TRUE(glob_match("**/.mocharc*", ".mocharc.yml"));
  EXPECT_TRUE(glob_match("**/.mocharc*", "pkg/.mocharc"));
  EXPECT_FALSE(glob_match("*.ini", "a/b.ini"));
  EXPECT_TRUE(glob_match("*.ini", "b.ini"));
  EXPECT_TRUE(glob_match("test?.py", "test1.py"));
  EXPECT_FALSE(glob_match("test?.py", "test12.py"));
  EXPECT_FALSE(glob_match("test?.py", "test/.py"));
}

TEST(GlobMatch, DotSlashAndDoubledSlashesAreIgnored) {
  EXPECT_TRUE(glob_match("./pytest.ini", "pytest.ini"));
  EXPECT_TRUE(glob_match("a//b", "a/b"));
}

}  // namespace
}  // namespace landed
