#include "harness/sandbox/working_copy.h"

#include <algorithm>
#include <fstream>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/harness/sandbox/sandbox_test_support.h"
#include "tests/test_support.h"

namespace landed {
namespace {

using testing::git_in;
using testing::put;
using testing::snapshot;

class WorkingCopyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    put(workspace_ / "README.md", "hello\n");
    put(workspace_ / "src" / "deep" / "lib.cc", "int f() { return 1; }\n");
    put(workspace_ / "run.sh", "#!/bin/sh\necho run\n", /*exec=*/true);
    testing::put_symlink("src/deep/lib.cc", workspace_ / "lib-link.cc");
    auto made = cache_.from_workspace("task", workspace_);
    ASSERT_TRUE(made.ok()) << made.error().message;
    base_ = *made;
  }

  testing::ScratchDir scratch_;
  std::filesystem::path workspace_ = scratch_ / "workspace";
  BaseCache cache_{scratch_ / "cache"};
  BaseCommit base_;
};

TEST_F(WorkingCopyTest, AgentSandboxHoldsTheBaseFilesWithExecBitsAndSymlinks) {
  auto sandbox = make_agent_sandbox(base_, scratch_ / "attempt");
  ASSERT_TRUE(sandbox.ok()) << sandbox.error().message;
  EXPECT_EQ(sandbox->root, scratch_ / "attempt" / "sandbox");
  EXPECT_EQ(sandbox->shadow_git, scratch_ / "attempt" / "shadow.git");
  EXPECT_EQ(snapshot(sandbox->root), snapshot(workspace_));
}

TEST_F(WorkingCopyTest, AgentGitIsCleanOnMainWithOneCommit) {
  auto sandbox = make_agent_sandbox(base_, scratch_ / "attempt");
  ASSERT_TRUE(sandbox.ok()) << sandbox.error().message;
  auto status = git_in(sandbox->root, "status --porcelain --untracked-files=all");
  EXPECT_EQ(status.status, 0) << status.output;
  EXPECT_EQ(status.output, "");
  auto log = git_in(sandbox->root, "log --format=%H");
  EXPECT_EQ(log.output, base_.commit_oid + "\n");
  EXPECT_EQ(git_in(sandbox->root, "branch --show-current").output, "main\n");
}

TEST_F(WorkingCopyTest, AgentCanCommitWithTheConfiguredIdentity) {
  auto sandbox = make_agent_sandbox(base_, scratch_ / "attempt");
  ASSERT_TRUE(sandbox.ok()) << sandbox.error().message;
  put(sandbox->root / "new.txt", "new\n");
  // No GIT_AUTHOR_* here: the identity must come from the sandbox's own config.
  auto commit = testing::sh("cd '" + sandbox->root.string() +
                            "' && HOME=/nonexistent git add -A && HOME=/nonexistent git commit -qm x "
                            "&& git log --format=%an -1");
  EXPECT_EQ(commit.status, 0) << commit.output;
  EXPECT_EQ(commit.output, "landed agent\n");
}

TEST_F(WorkingCopyTest, CheckoutBaseWritesTheFilesAndNoGitDir) {
  const auto dir = scratch_ / "plain";
  Status done = checkout_base(base_, dir);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(snapshot(dir), snapshot(workspace_));
  EXPECT_FALSE(std::filesystem::exists(dir / ".git"));
  // The cache holds the base repository and, beside it, the template copies are made from.
  std::vector<std::string> cached;
  for (const auto& entry : std::filesystem::directory_iterator(scratch_ / "cache"))
    cached.push_back(entry.path().filename().string());
  ASSERT_EQ(cached.size(), 2u);
  std::sort(cached.begin(), cached.end());
  EXPECT_EQ(cached[1], cached[0] + "." + base_.commit_oid + ".template");
}

TEST_F(WorkingCopyTest, EditsInOneSandboxReachNeitherTheTemplateNorTheNextSandbox) {
  auto first = make_agent_sandbox(base_, scratch_ / "first");
  ASSERT_TRUE(first.ok()) << first.error().message;
  const auto before = snapshot(workspace_);
  // In-place edits (append, chmod) would leak through hard links; copies must not share inodes.
  for (const auto& [path, content] : before) {
    const auto file = first->root / path;
    if (std::filesystem::is_symlink(file)) continue;
    std::ofstream(file, std::ios::app) << "changed by the agent\n";
    std::filesystem::permissions(file, std::filesystem::perms::owner_exec,
                                 std::filesystem::perm_options::add);
  }
  auto second = make_agent_sandbox(base_, scratch_ / "second");
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(snapshot(second->root), before);
  auto status = testing::sh("cd '" + second->root.string() + "' && git status --porcelain");
  EXPECT_EQ(status.status, 0) << status.output;
  EXPECT_EQ(status.output, "");
}

TEST_F(WorkingCopyTest, ConcurrentSandboxesOfOneBaseAreEachComplete) {
  std::vector<Result<AgentSandbox>> made(4, Error{"not run"});
  std::vector<std::thread> threads;
  for (size_t i = 0; i < made.size(); ++i) {
    threads.emplace_back([&, i] {
      made[i] = make_agent_sandbox(base_, scratch_ / ("attempt-" + std::to_string(i)));
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const auto& sandbox : made) {
    ASSERT_TRUE(sandbox.ok()) << sandbox.error().message;
    EXPECT_EQ(snapshot(sandbox->root), snapshot(workspace_));
  }
}

TEST_F(WorkingCopyTest, BrokenBaseIsAnErrorNamingTheCall) {
  BaseCommit broken = base_;
  broken.tree_oid = std::string(40, '1');
  auto sandbox = make_agent_sandbox(broken, scratch_ / "attempt");
  ASSERT_FALSE(sandbox.ok());
  EXPECT_NE(sandbox.error().message.find("git_tree_lookup"), std::string::npos)
      << sandbox.error().message;
}

}  // namespace
}  // namespace landed
