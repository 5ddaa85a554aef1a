#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/task/suite.h"
#include "tests/harness/task/task_fixture.h"
#include "tests/test_support.h"

namespace landed {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::put;
using testing::write_good_task;

std::vector<std::string> ids(const Suite& suite) {
  std::vector<std::string> out;
  for (const Task& task : suite.tasks) out.push_back(task.id);
  return out;
}

TEST(LoadSuite, OneBadTaskIsListedAndTheTwoGoodOnesLoad) {
  testing::ScratchDir scratch;
  const fs::path suite_dir = scratch / "suite";
  put(suite_dir / "suite.toml", "");
  write_good_task(suite_dir / "zeta");
  write_good_task(suite_dir / "alpha");
  write_good_task(suite_dir / "broken", "[verify]\ncommand = \"true\"\nbogus = 1\n");
  Result<Suite> suite = load_suite(suite_dir);
  ASSERT_TRUE(suite.ok()) << suite.error().message;
  EXPECT_EQ(ids(*suite), (std::vector<std::string>{"alpha", "zeta"}));
  ASSERT_EQ(suite->task_errors.size(), 1u);
  EXPECT_THAT(suite->task_errors[0].message, HasSubstr((suite_dir / "broken/task.toml").string() +
                                                       ":3: unknown key verify.bogus"));
}

TEST(LoadSuite, NameAndDescriptionComeFromSuiteToml) {
  testing::ScratchDir scratch;
  put(scratch / "s/suite.toml", "name = \"example\"\ndescription = \"Small C tasks\"\n");
  write_good_task(scratch / "s/one");
  Result<Suite> suite = load_suite(scratch / "s");
  ASSERT_TRUE(suite.ok()) << suite.error().message;
  EXPECT_EQ(suite->name, "example");
  EXPECT_EQ(suite->description, "Small C tasks");
  EXPECT_EQ(suite->dir, scratch / "s");
  EXPECT_EQ(ids(*suite), std::vector<std::string>{"one"});
}

TEST(LoadSuite, NameDefaultsToTheFolderName) {
  testing::ScratchDir scratch;
  put(scratch / "my-suite/suite.toml", "");
  Result<Suite> suite = load_suite((scratch / "my-suite").string() + "/");
  ASSERT_TRUE(suite.ok()) << suite.error().message;
  EXPECT_EQ(suite->name, "my-suite");
  EXPECT_FALSE(suite->description.has_value());
  EXPECT_TRUE(suite->tasks.empty());
}

TEST(LoadSuite, MissingSuiteTomlIsAnError) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "s/one");
  Result<Suite> suite = load_suite(scratch / "s");
  ASSERT_FALSE(suite.ok());
  EXPECT_EQ(suite.error().message, (scratch / "s/suite.toml").string() + ": missing suite.toml");
}

TEST(LoadSuite, UnknownKeyInSuiteTomlIsAnErrorWithItsLine) {
  testing::ScratchDir scratch;
  put(scratch / "s/suite.toml", "name = \"x\"\nversion = 2\n");
  Result<Suite> suite = load_suite(scratch / "s");
  ASSERT_FALSE(suite.ok());
  EXPECT_THAT(suite.error().message,
              HasSubstr((scratch / "s/suite.toml").string() + ":2: unknown key version"));
}

TEST(LoadSuite, MalformedSuiteTomlIsAnErrorWithLineAndColumn) {
  testing::ScratchDir scratch;
  put(scratch / "s/suite.toml", "name = \"x\n");
  Result<Suite> suite = load_suite(scratch / "s");
  ASSERT_FALSE(suite.ok());
  EXPECT_THAT(suite.error().message, HasSubstr((scratch / "s/suite.toml").string() + ":1:"));
}

TEST(LoadSuite, WrongTypeInSuiteTomlIsAnError) {
  testing::ScratchDir scratch;
  put(scratch / "s/suite.toml", "description = 5\n");
  Result<Suite> suite = load_suite(scratch / "s");
  ASSERT_FALSE(suite.ok());
  EXPECT_THAT(suite.error().message, HasSubstr(":1: description must be a string, got integer"));
}

TEST(LoadSuite, MissingFolderIsAnError) {
  testing::ScratchDir scratch;
  Result<Suite> suite = load_suite(scratch / "absent");
  ASSERT_FALSE(suite.ok());
  EXPECT_THAT(suite.error().message, HasSubstr((scratch / "absent").string()));
}

TEST(LoadSuite, FolderWithoutTaskTomlIsATaskErrorButHiddenFoldersAndFilesAreIgnored) {
  testing::ScratchDir scratch;
  const fs::path suite_dir = scratch / "s";
  put(suite_dir / "suite.toml", "");
  put(suite_dir / "README.md", "about the suite\n");
  put(suite_dir / ".git/config", "");
  put(suite_dir / "notes/todo.txt", "");
  write_good_task(suite_dir / "good");
  Result<Suite> suite = load_suite(suite_dir);
  ASSERT_TRUE(suite.ok()) << suite.error().message;
  EXPECT_EQ(ids(*suite), std::vector<std::string>{"good"});
  ASSERT_EQ(suite->task_errors.size(), 1u);
  EXPECT_EQ(suite->task_errors[0].message,
            (suite_dir / "notes/task.toml").string() + ": not a task: missing task.toml");
}

TEST(LoadSuite, HiddenFolderWithTaskTomlIsATask) {
  testing::ScratchDir scratch;
  put(scratch / "s/suite.toml", "");
  write_good_task(scratch / "s/.hidden");
  Result<Suite> suite = load_suite(scratch / "s");
  ASSERT_TRUE(suite.ok()) << suite.error().message;
  EXPECT_EQ(ids(*suite), std::vector<std::string>{".hidden"});
}

TEST(LoadSuite, DigestIsStableAcrossCopiesAndFollowsTasksAndSuiteToml) {
  testing::ScratchDir scratch;
  put(scratch / "s/suite.toml", "name = \"x\"\n");
  write_good_task(scratch / "s/a");
  write_good_task(scratch / "s/b");
  fs::copy(scratch / "s", scratch / "copy", fs::copy_options::recursive);
  const std::string original = load_suite(scratch / "s")->digest;
  EXPECT_EQ(original.size(), 64u);
  EXPECT_EQ(load_suite(scratch / "copy")->digest, original);
  put(scratch / "copy/b/tests/run.sh", "changed\n");
  const std::string task_changed = load_suite(scratch / "copy")->digest;
  EXPECT_NE(task_changed, original);
  put(scratch / "copy/suite.toml", "name = \"y\"\n");
  EXPECT_NE(load_suite(scratch / "copy")->digest, task_changed);
}

TEST(LoadSuite, RenamingATaskChangesTheDigest) {
  testing::ScratchDir scratch;
  put(scratch / "s/suite.toml", "");
  write_good_task(scratch / "s/a");
  const std::string original = load_suite(scratch / "s")->digest;
  fs::rename(scratch / "s/a", scratch / "s/b");
  EXPECT_NE(load_suite(scratch / "s")->digest, original);
}

TEST(LoadSuite, AFolderNameThatIsNotUtf8IsATaskErrorNamingIt) {
  testing::ScratchDir scratch;
  const fs::path suite_dir = scratch / "suite";
  put(suite_dir / "suite.toml", "");
  write_good_task(suite_dir / "good");
  write_good_task(suite_dir / std::string("bad\xff"));
  Result<Suite> suite = load_suite(suite_dir);
  ASSERT_TRUE(suite.ok()) << suite.error().message;
  EXPECT_EQ(ids(*suite), std::vector<std::string>{"good"});
  ASSERT_EQ(suite->task_errors.size(), 1u);
  EXPECT_THAT(suite->task_errors[0].message, HasSubstr("bad\\xff"));
  EXPECT_THAT(suite->task_errors[0].message, HasSubstr("not valid UTF-8"));
}

}  // namespace
}  // namespace landed
