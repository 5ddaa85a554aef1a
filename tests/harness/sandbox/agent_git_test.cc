// The agent's .git holds the base and nothing after it (issue 10, item 2): mined with the real git,
// a sandbox of a [repo] task never shows the later commit that fixes the bug.
#include <gtest/gtest.h>

#include "harness/sandbox/base_cache.h"
#include "harness/sandbox/working_copy.h"
#include "tests/harness/sandbox/sandbox_test_support.h"
#include "tests/test_support.h"

namespace landed {
namespace {

namespace fs = std::filesystem;
using testing::git_in;
using testing::put;

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// upstream: "first" -> "bug" (tag base) -> "fix" (holds the fixing blob), on main.
class AgentGitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(upstream_);
    ASSERT_EQ(git_in(upstream_, "init -q -b main").status, 0);
    commit("calc.py", "def add(a, b): return a + b\n", "first");
    commit("calc.py", "def add(a, b): return a - b\n", "bug");
    ASSERT_EQ(git_in(upstream_, "tag base").status, 0);
    commit("calc.py", "def add(a, b): return a + b  # FIX-MARKER-7f3\n", "fix");
    fix_commit_ = rev("HEAD");
    fix_blob_ = rev("HEAD:calc.py");
    first_commit_ = rev("HEAD~2");
  }

  void commit(const std::string& file, const std::string& text, const std::string& message) {
    put(upstream_ / file, text);
    ASSERT_EQ(git_in(upstream_, "add -A").status, 0);
    ASSERT_EQ(git_in(upstream_, "commit -q -m " + message).status, 0);
  }
  std::string rev(const std::string& name) { return trimmed(git_in(upstream_, "rev-parse " + name).output); }

  fs::path sandbox(bool history) {
    auto base = cache_.from_repository(upstream_.string(), "base");
    EXPECT_TRUE(base.ok()) << base.error().message;
    base->agent_history = history;
    cache_dir_ = base->repo_dir;
    auto made = make_agent_sandbox(*base, scratch_ / (history ? "with-history" : "plain"));
    EXPECT_TRUE(made.ok()) << made.error().message;
    return made->root;
  }

  // What an agent mining its sandbox would find.
  void expect_no_future(const fs::path& root) {
    const std::string objects =
        git_in(root, "cat-file --batch-all-objects --batch-check").output;
    EXPECT_EQ(objects.find(fix_commit_), std::string::npos) << objects;
    EXPECT_EQ(objects.find(fix_blob_), std::string::npos) << objects;
    EXPECT_NE(git_in(root, "cat-file -e " + fix_blob_).status, 0);
    EXPECT_EQ(git_in(root, "log --all --format=%s").output.find("fix"), std::string::npos);
    EXPECT_EQ(trimmed(git_in(root, "for-each-ref '--format=%(refname)'").output), "refs/heads/main");
    EXPECT_EQ(trimmed(git_in(root, "remote").output), "");
    for (const char* file : {"objects/info/alternates", "packed-refs", "FETCH_HEAD", "ORIG_HEAD"})
      EXPECT_FALSE(fs::exists(root / ".git" / file)) << file;
    const auto grep = testing::sh("grep -r -l -a -e FIX-MARKER-7f3 -e '" + cache_dir_.string() +
                                  "' '" + (root / ".git").string() + "'");
    EXPECT_EQ(grep.output, "") << "found in the agent's .git";
    EXPECT_EQ(git_in(root, "status --porcelain").output, "");
  }

  testing::ScratchDir scratch_;
  fs::path upstream_ = scratch_ / "upstream";
  BaseCache cache_{scratch_ / "cache"};
  fs::path cache_dir_;
  std::string fix_commit_, fix_blob_, first_commit_;
};

TEST_F(AgentGitTest, ByDefaultTheAgentSeesTheBaseTreeAsOneRootCommitAndNoLaterCommit) {
  const fs::path root = sandbox(/*history=*/false);
  expect_no_future(root);
  EXPECT_EQ(trimmed(git_in(root, "rev-list --all --count").output), "1");
  EXPECT_EQ(trimmed(git_in(root, "rev-parse HEAD^{tree}").output), rev("base^{tree}"));
  EXPECT_NE(git_in(root, "rev-parse --verify -q HEAD~1").status, 0);  // no parent
  EXPECT_NE(git_in(root, "cat-file -e " + first_commit_).status, 0);
  EXPECT_EQ(git_in(root, "fsck --no-dangling").status, 0) << git_in(root, "fsck").output;
}

TEST_F(AgentGitTest, WithAncestorsTheCommitsBeforeTheBaseAreThereAndTheLaterOneIsNot) {
  const fs::path root = sandbox(/*history=*/true);
  expect_no_future(root);
  EXPECT_EQ(trimmed(git_in(root, "rev-list --all --count").output), "2");
  EXPECT_EQ(trimmed(git_in(root, "rev-parse HEAD").output), rev("base^{commit}"));
  EXPECT_EQ(git_in(root, "cat-file -e " + first_commit_).status, 0);
  EXPECT_EQ(git_in(root, "fsck --no-dangling").status, 0) << git_in(root, "fsck").output;
}

TEST_F(AgentGitTest, TheAgentCanCommitOnItsBranch) {
  const fs::path root = sandbox(/*history=*/false);
  put(root / "calc.py", "def add(a, b): return a + b\n");
  EXPECT_EQ(git_in(root, "commit -q -am work").status, 0);
  EXPECT_EQ(trimmed(git_in(root, "rev-list --count HEAD").output), "2");
}

TEST(AgentGitWorkspace, AWorkspaceTaskStartsAtTheBaseCommitItself) {
  testing::ScratchDir scratch;
  put(scratch / "ws" / "a.txt", "a\n");
  BaseCache cache(scratch / "cache");
  auto base = cache.from_workspace("t", scratch / "ws");
  ASSERT_TRUE(base.ok()) << base.error().message;
  auto made = make_agent_sandbox(*base, scratch / "attempt");
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(trimmed(git_in(made->root, "rev-parse HEAD").output), base->commit_oid);
  EXPECT_FALSE(fs::exists(made->root / ".git" / "objects" / "info" / "alternates"));
}

}  // namespace
}  // namespace landed
