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

TEST(EnvironmentSpec, TaskEnvironmentAndSetupAreMergedOverTheSuitesAndTheTaskWins) {
  testing::ScratchDir scratch;
  put(scratch / "s/suite.toml",
      "[environment]\npass = [\"A\"]\nset = { MODE = \"suite\", KEEP = \"1\" }\n"
      "paths = [\"~/.rustup\"]\n[setup]\ncommand = \"make deps\"\n");
  write_good_task(scratch / "s/plain");
  write_good_task(scratch / "s/own", std::string(testing::kGoodTaskToml) +
                                         "[environment]\npass = [\"B\", \"A\"]\n"
                                         "set = { MODE = \"task\" }\npaths = [\"/data\"]\n"
                                         "[setup]\ncommand = \"npm ci\"\ntimeout_s = 60\n");
  Result<Suite> suite = load_suite(scratch / "s");
  ASSERT_TRUE(suite.ok()) << suite.error().message;
  ASSERT_EQ(suite->tasks.size(), 2u);
  const Task& own = suite->tasks[0];
  const Task& plain = suite->tasks[1];
  EXPECT_EQ(own.environment.pass, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(own.environment.set.at("MODE"), "task");
  EXPECT_EQ(own.environment.set.at("KEEP"), "1");
  EXPECT_EQ(own.environment.paths, (std::vector<std::string>{"~/.rustup", "/data"}));
  ASSERT_TRUE(own.setup);
  EXPECT_EQ(own.setup->command, "npm ci");
  EXPECT_EQ(own.setup->timeout_s, 60);
  ASSERT_TRUE(plain.setup);
  EXPECT_EQ(plain.setup->command, "make deps");
  EXPECT_EQ(plain.environment.set.at("MODE"), "suite");
}

TEST(EnvironmentSpec, UnknownKeysAndBadNamesAreLoadErrorsWithTheLine) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "t", std::string(testing::kGoodTaskToml) +
                                     "[environment]\npas = [\"A\"]\n");
  Result<Task> task = load_task(scratch / "t");
  ASSERT_FALSE(task.ok());
  EXPECT_THAT(task.error().message, HasSubstr("unknown key environment.pas"));
  write_good_task(scratch / "u", std::string(testing::kGoodTaskToml) +
                                     "[environment]\npass = [\"A=B\"]\n");
  task = load_task(scratch / "u");
  ASSERT_FALSE(task.ok());
  EXPECT_THAT(task.error().message, HasSubstr("not a variable name"));
}

TEST(RepoUrl, ARelativeUrlIsResolvedAgainstTheTaskFolderAndAMissingOneIsALoadError) {
  testing::ScratchDir scratch;
  ASSERT_TRUE(make_directories(scratch / "repos/app").ok());
  auto repo_task = [&](const fs::path& dir, const std::string& url) {
    put(dir / "task.toml", "[verify]\ncommand = \"true\"\n[repo]\nurl = \"" + url +
                               "\"\nrev = \"main\"\n");
    put(dir / "prompt.md", "Do it.\n");
    put(dir / "tests/t.sh", "true\n");
    put(dir / "solution/a.txt", "a\n");
  };
  repo_task(scratch / "suite/good", "../../repos/app");
  Result<Task> good = load_task(scratch / "suite/good");
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_EQ(good->repo->url, (scratch.path() / "repos/app").string());
  repo_task(scratch / "suite/bad", "../../repos/nope");
  Result<Task> bad = load_task(scratch / "suite/bad");
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(bad.error().message,
              HasSubstr("repository not found: " + (scratch.path() / "repos/nope").string()));
}

}  // namespace
}  // namespace landed
