#include "harness/sandbox/base_cache.h"

#include <sys/stat.h>

#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "tests/harness/sandbox/sandbox_test_support.h"
#include "tests/test_support.h"

namespace landed {
namespace {

using testing::put;
using testing::put_symlink;

class BaseCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    put(workspace_ / "README.md", "hello\n");
    put(workspace_ / "src" / "main.cc", "int main() { return 0; }\n");
    put(workspace_ / "tools" / "run.sh", "#!/bin/sh\necho run\n", /*exec=*/true);
    put_symlink("src/main.cc", workspace_ / "main-link.cc");
  }

  testing::ScratchDir scratch_;
  std::filesystem::path workspace_ = scratch_ / "workspace";
};

TEST_F(BaseCacheTest, SameFilesGiveTheSameCommitIdInAnyCache) {
  BaseCache first(scratch_ / "cache-1");
  BaseCache second(scratch_ / "cache-2");
  auto a = first.from_workspace("digest-a", workspace_);
  auto b = second.from_workspace("digest-b", workspace_);
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(a->commit_oid, b->commit_oid);
  EXPECT_EQ(a->tree_oid, b->tree_oid);
  EXPECT_NE(a->repo_dir, b->repo_dir);
}

TEST_F(BaseCacheTest, AnExecBitChangeGivesAnotherCommitId) {
  BaseCache cache(scratch_ / "cache");
  auto before = cache.from_workspace("before", workspace_);
  std::filesystem::permissions(workspace_ / "README.md", std::filesystem::perms(0755));
  auto after = cache.from_workspace("after", workspace_);
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_NE(before->tree_oid, after->tree_oid);
}

TEST_F(BaseCacheTest, CommitKeepsExecBitsAndSymlinksAndSkipsEmptyFolders) {
  std::filesystem::create_directories(workspace_ / "empty" / "nested");
  BaseCache cache(scratch_ / "cache");
  auto base = cache.from_workspace("task", workspace_);
  ASSERT_TRUE(base.ok()) << base.error().message;
  auto listed = testing::git_in(base->repo_dir, "ls-tree -r " + base->commit_oid);
  ASSERT_EQ(listed.status, 0) << listed.output;
  EXPECT_NE(listed.output.find("100755 blob"), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find("120000 blob"), std::string::npos) << listed.output;
  EXPECT_EQ(listed.output.find("empty"), std::string::npos) << listed.output;
  auto log = testing::git_in(base->repo_dir, "log --format=%an main");
  EXPECT_EQ(log.output, "landed\n");
}

TEST_F(BaseCacheTest, SecondCallReusesTheCachedRepositoryWithoutRebuilding) {
  BaseCache cache(scratch_ / "cache");
  auto first = cache.from_workspace("task", workspace_);
  ASSERT_TRUE(first.ok()) << first.error().message;
  struct stat before;
  ASSERT_EQ(::stat(first->repo_dir.c_str(), &before), 0);
  // A rebuild would see this file; a reuse returns the first commit unchanged.
  put(workspace_ / "added-later.txt", "x");
  auto second = cache.from_workspace("task", workspace_);
  ASSERT_TRUE(second.ok()) << second.error().message;
  struct stat after;
  ASSERT_EQ(::stat(second->repo_dir.c_str(), &after), 0);
  EXPECT_EQ(first->commit_oid, second->commit_oid);
  EXPECT_EQ(before.st_ino, after.st_ino);
}

TEST_F(BaseCacheTest, ConcurrentBuildsOfOneDigestGiveOneResult) {
  BaseCache cache(scratch_ / "cache");
  std::vector<Result<BaseCommit>> results(4, Error{"not run"});
  std::vector<std::thread> threads;
  for (size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] { results[i] = cache.from_workspace("task", workspace_); });
  for (std::thread& thread : threads) thread.join();
  std::set<std::string> commits;
  std::set<std::filesystem::path> dirs;
  for (const auto& result : results) {
    ASSERT_TRUE(result.ok()) << result.error().message;
    commits.insert(result->commit_oid);
    dirs.insert(result->repo_dir);
  }
  EXPECT_EQ(commits.size(), 1u);
  EXPECT_EQ(dirs.size(), 1u);
  size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(scratch_ / "cache"))
    ++entries;
  EXPECT_EQ(entries, 1u) << "losers of the race must remove their temp folders";
}

TEST_F(BaseCacheTest, MissingWorkspaceIsAnErrorNamingIt) {
  BaseCache cache(scratch_ / "cache");
  auto base = cache.from_workspace("task", scratch_ / "no-such-workspace");
  ASSERT_FALSE(base.ok());
  EXPECT_NE(base.error().message.find("no-such-workspace"), std::string::npos);
}

}  // namespace
}  // namespace landed
