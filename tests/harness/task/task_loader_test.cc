#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/task/task.h"
#include "tests/harness/task/task_fixture.h"
#include "tests/test_support.h"

namespace landed {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using testing::kGoodTaskToml;
using testing::put;
using testing::write_good_task;

TEST(LoadTask, GoodTaskLoadsEveryField) {
  testing::ScratchDir scratch;
  const fs::path dir = scratch / "ring-buffer";
  write_good_task(dir);
  Result<Task> task = load_task(dir);
  ASSERT_TRUE(task.ok()) << task.error().message;
  EXPECT_EQ(task->id, "ring-buffer");
  EXPECT_EQ(task->dir, dir);
  EXPECT_EQ(task->title, "Fix the ring buffer");
  EXPECT_EQ(task->difficulty, "medium");
  EXPECT_EQ(task->tags, (std::vector<std::string>{"cpp", "bugfix"}));
  EXPECT_EQ(task->prompt, "Fix the off-by-one in ring.c.\n");
  EXPECT_EQ(task->agent_timeout_s, 900);
  EXPECT_EQ(task->verify.command, "sh tests/run.sh");
  EXPECT_EQ(task->verify.timeout_s, 300);
  ASSERT_TRUE(task->check.has_value());
  EXPECT_EQ(task->check->command, "make check");
  EXPECT_EQ(task->check->timeout_s, 60);
  EXPECT_FALSE(task->repo.has_value());
  EXPECT_EQ(task->workspace_dir, dir / "workspace");
  EXPECT_EQ(task->tests_dir, dir / "tests");
  EXPECT_EQ(task->solution_dir, dir / "solution");
  EXPECT_EQ(task->hidden_test_paths, (std::vector<std::string>{"run.sh", "sub/t.c"}));
  EXPECT_EQ(task->solution_paths, (std::vector<std::string>{"src/ring.c"}));
  EXPECT_EQ(task->digest.size(), 64u);
}

TEST(LoadTask, MinimalTaskLeavesOptionalFieldsEmpty) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "t", "[verify]\ncommand = \"true\"\n");
  Result<Task> task = load_task(scratch / "t");
  ASSERT_TRUE(task.ok()) << task.error().message;
  EXPECT_FALSE(task->title || task->difficulty || task->agent_timeout_s || task->check);
  EXPECT_FALSE(task->verify.timeout_s.has_value());
  EXPECT_TRUE(task->tags.empty());
}

TEST(LoadTask, RepoTaskWithoutWorkspaceLoads) {
  testing::ScratchDir scratch;
  const fs::path dir = scratch / "remote";
  write_good_task(dir,
                  "[verify]\ncommand = \"make test\"\n[repo]\nurl = \"https://x/y.git\"\n"
                  "rev = \"abc123\"\n");
  ASSERT_TRUE(remove_tree(dir / "workspace").ok());
  Result<Task> task = load_task(dir);
  ASSERT_TRUE(task.ok()) << task.error().message;
  ASSERT_TRUE(task->repo.has_value());
  EXPECT_EQ(task->repo->url, "https://x/y.git");
  EXPECT_EQ(task->repo->rev, "abc123");
}

TEST(LoadTask, TrailingSlashStillGivesTheFolderNameAsId) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "slashed");
  Result<Task> task = load_task((scratch / "slashed").string() + "/");
  ASSERT_TRUE(task.ok()) << task.error().message;
  EXPECT_EQ(task->id, "slashed");
}

/// One broken task.toml and the exact located message it must give.
struct TomlCase {
  const char* name;
  const char* task_toml;
  const char* expected;  // after "<dir>/task.toml"
};

class LoadTaskTomlError : public ::testing::TestWithParam<TomlCase> {};

TEST_P(LoadTaskTomlError, NamesTheFileAndLine) {
  testing::ScratchDir scratch;
  const fs::path dir = scratch / "t";
  write_good_task(dir, GetParam().task_toml);
  Result<Task> task = load_task(dir);
  ASSERT_FALSE(task.ok());
  EXPECT_THAT(task.error().message, HasSubstr((dir / "task.toml").string() + GetParam().expected));
}

constexpr char kVerify[] = "[verify]\ncommand = \"true\"\n";

INSTANTIATE_TEST_SUITE_P(
    Strictness, LoadTaskTomlError,
    ::testing::Values(
        TomlCase{"UnknownTopLevelKey", "titel = \"x\"\n[verify]\ncommand = \"true\"\n",
                 ":1: unknown key titel"},
        TomlCase{"UnknownAgentKey", "[agent]\ntimeout = 5\n[verify]\ncommand = \"true\"\n",
                 ":2: unknown key agent.timeout (allowed here: timeout_s)"},
        TomlCase{"UnknownVerifyKey", "[verify]\ncommand = \"true\"\ntimout_s = 3\n",
                 ":3: unknown key verify.timout_s"},
        TomlCase{"UnknownCheckKey",
                 "[verify]\ncommand = \"true\"\n[check]\ncommand = \"x\"\nenv = 1\n",
                 ":5: unknown key check.env"},
        TomlCase{"UnknownRepoKey",
                 "[verify]\ncommand = \"true\"\n[repo]\nurl = \"https://example.com/u.git\"\nrev = \"r\"\nbranch = \"b\"\n",
                 ":6: unknown key repo.branch"},
        TomlCase{"UnknownTable", "[verify]\ncommand = \"true\"\n[agnet]\ntimeout_s = 5\n",
                 ":3: unknown key agnet"},
        TomlCase{"MissingVerifyTable", "title = \"x\"\n",
                 ":1: missing required key verify.command"},
        TomlCase{"MissingVerifyCommand", "title = \"x\"\n[verify]\ntimeout_s = 5\n",
                 ":2: missing required key verify.command"},
        TomlCase{"BlankVerifyCommand", "[verify]\ncommand = \"  \"\n",
                 ":2: verify.command must not be blank"},
        TomlCase{"CheckWithoutCommand", "[verify]\ncommand = \"true\"\n[check]\ntimeout_s = 5\n",
                 ":3: missing required key check.command"},
        TomlCase{"TimeoutAsString", "[verify]\ncommand = \"true\"\ntimeout_s = \"300\"\n",
                 ":3: verify.timeout_s must be an integer, got string"},
        TomlCase{"TimeoutZero", "[agent]\ntimeout_s = 0\n[verify]\ncommand = \"true\"\n",
                 ":2: agent.timeout_s must be between 1 and"},
        TomlCase{"TimeoutNegative", "[verify]\ncommand = \"true\"\ntimeout_s = -5\n",
                 ":3: verify.timeout_s must be between 1 and"},
        TomlCase{"CheckTimeoutZero",
                 "[verify]\ncommand = \"true\"\n[check]\ncommand = \"x\"\ntimeout_s = 0\n",
                 ":5: check.timeout_s must be between 1 and"},
        TomlCase{"TitleAsNumber", "title = 3\n[verify]\ncommand = \"true\"\n",
                 ":1: title must be a string, got integer"},
        TomlCase{"TagsAsString", "tags = \"cpp\"\n[verify]\ncommand = \"true\"\n",
                 ":1: tags must be an array of strings, got string"},
        TomlCase{"TagOfWrongType", "tags = [\"a\", 2]\n[verify]\ncommand = \"true\"\n",
                 ":1: tags[1] must be a string, got integer"},
        TomlCase{"VerifyAsString", "verify = \"make\"\n", ":1: verify must be a table, got string"},
        TomlCase{"BadDifficulty", "\ndifficulty = \"extreme\"\n[verify]\ncommand = \"true\"\n",
                 ":2: difficulty must be easy, medium or hard, got \"extreme\""},
        TomlCase{"RepoWithoutRev", "[verify]\ncommand = \"true\"\n[repo]\nurl = \"u\"\n",
                 ":3: missing required key repo.rev"},
        TomlCase{"RepoWithoutUrl", "[verify]\ncommand = \"true\"\n[repo]\nrev = \"r\"\n",
                 ":3: missing required key repo.url"},
        TomlCase{"RepoAndWorkspaceBoth",
                 "[verify]\ncommand = \"true\"\n[repo]\nurl = \"https://example.com/u.git\"\nrev = \"r\"\n",
                 ":3: [repo] and a workspace/ folder are both present"},
        TomlCase{"SyntaxError", "[verify]\ncommand = \n", ":2:11: "}),
    [](const ::testing::TestParamInfo<TomlCase>& info) { return std::string(info.param.name); });

TEST(LoadTask, MissingTaskTomlIsNotATask) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "t");
  fs::remove(scratch / "t/task.toml");
  Result<Task> task = load_task(scratch / "t");
  ASSERT_FALSE(task.ok());
  EXPECT_EQ(task.error().message,
            (scratch / "t/task.toml").string() + ": not a task: missing task.toml");
}

TEST(LoadTask, MissingPromptNamesPromptMd) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "t");
  fs::remove(scratch / "t/prompt.md");
  Result<Task> task = load_task(scratch / "t");
  ASSERT_FALSE(task.ok());
  EXPECT_EQ(task.error().message, (scratch / "t/prompt.md").string() + ": missing prompt.md");
}

TEST(LoadTask, BlankPromptIsAnError) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "t");
  put(scratch / "t/prompt.md", " \n\t\n");
  Result<Task> task = load_task(scratch / "t");
  ASSERT_FALSE(task.ok());
  EXPECT_EQ(task.error().message, (scratch / "t/prompt.md").string() + ": the prompt is empty");
}

TEST(LoadTask, NeitherWorkspaceNorRepoIsAnError) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "t", kVerify);
  ASSERT_TRUE(remove_tree(scratch / "t/workspace").ok());
  Result<Task> task = load_task(scratch / "t");
  ASSERT_FALSE(task.ok());
  EXPECT_EQ(task.error().message,
            (scratch / "t/task.toml").string() +
                ": the task has neither a workspace/ folder nor a [repo] table");
}

TEST(LoadTask, WorkspaceThatIsAFileIsAnError) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "t", kVerify);
  ASSERT_TRUE(remove_tree(scratch / "t/workspace").ok());
  put(scratch / "t/workspace", "not a folder");
  Result<Task> task = load_task(scratch / "t");
  ASSERT_FALSE(task.ok());
  EXPECT_EQ(task.error().message,
            (scratch / "t/workspace").string() + ": workspace is not a folder");
}

TEST(LoadTask, MissingTestsFolderIsAnError) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "t");
  ASSERT_TRUE(remove_tree(scratch / "t/tests").ok());
  Result<Task> task = load_task(scratch / "t");
  ASSERT_FALSE(task.ok());
  EXPECT_THAT(task.error().message,
              HasSubstr((scratch / "t/tests").string() + ": missing folder tests/"));
}

TEST(LoadTask, MissingSolutionFolderIsAnError) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "t");
  ASSERT_TRUE(remove_tree(scratch / "t/solution").ok());
  Result<Task> task = load_task(scratch / "t");
  ASSERT_FALSE(task.ok());
  EXPECT_THAT(task.error().message,
              HasSubstr((scratch / "t/solution").string() + ": missing folder solution/"));
}

TEST(LoadTask, EmptyTestsAndSolutionFoldersAreAllowed) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "t");
  ASSERT_TRUE(remove_tree(scratch / "t/tests").ok());
  ASSERT_TRUE(make_directories(scratch / "t/tests").ok());
  Result<Task> task = load_task(scratch / "t");
  ASSERT_TRUE(task.ok()) << task.error().message;
  EXPECT_TRUE(task->hidden_test_paths.empty());
}

}  // namespace
}  // namespace landed
