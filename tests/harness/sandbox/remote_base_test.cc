#include <gtest/gtest.h>

#include "harness/sandbox/base_cache.h"
#include "harness/sandbox/working_copy.h"
#include "tests/harness/sandbox/sandbox_test_support.h"
#include "tests/test_support.h"

namespace landed {
namespace {

using testing::git_in;
using testing::put;

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

// An upstream repository made with the real git: v1 (tagged) on main, v2 on branch `feature`.
class RemoteBaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(git_in(upstream_, "init -q -b main").status, 0);
    put(upstream_ / "file.txt", "v1\n");
    ASSERT_EQ(git_in(upstream_, "add -A").status, 0);
    ASSERT_EQ(git_in(upstream_, "commit -q -m v1").status, 0);
    ASSERT_EQ(git_in(upstream_, "tag -a v1 -m v1").status, 0);
    ASSERT_EQ(git_in(upstream_, "checkout -q -b feature").status, 0);
    put(upstream_ / "file.txt", "v2\n");
    ASSERT_EQ(git_in(upstream_, "commit -q -am v2").status, 0);
  }

  std::string rev_parse(const std::string& rev) {
    return trimmed(git_in(upstream_, "rev-parse " + rev + "^{commit}").output);
  }

  testing::ScratchDir scratch_;
  std::filesystem::path upstream_ = [this] {
    std::filesystem::create_directories(scratch_ / "upstream");
    return scratch_ / "upstream";
  }();
};

TEST_F(RemoteBaseTest, ResolvesShaTagAndBranchOfALocalRepository) {
  BaseCache cache(scratch_ / "cache");
  for (const std::string& rev : {std::string("v1"), std::string("feature"), rev_parse("v1")}) {
    auto base = cache.from_repository(upstream_.string(), rev);
    ASSERT_TRUE(base.ok()) << rev << ": " << base.error().message;
    EXPECT_EQ(base->commit_oid, rev_parse(rev)) << rev;
  }
}

TEST_F(RemoteBaseTest, FileUrlBaseChecksOutTheFilesOfThatRevision) {
  BaseCache cache(scratch_ / "cache");
  auto base = cache.from_repository("file://" + upstream_.string(), "v1");
  ASSERT_TRUE(base.ok()) << base.error().message;
  ASSERT_TRUE(checkout_base(*base, scratch_ / "checkout").ok());
  EXPECT_EQ(*read_file(scratch_ / "checkout" / "file.txt"), "v1\n");
}

TEST_F(RemoteBaseTest, ABranchThatMovedUpstreamIsFetchedAgainByANewProcess) {
  auto first = BaseCache(scratch_ / "cache").from_repository(upstream_.string(), "feature");
  ASSERT_TRUE(first.ok()) << first.error().message;
  put(upstream_ / "file.txt", "v3\n");
  ASSERT_EQ(git_in(upstream_, "commit -q -am v3").status, 0);
  auto second = BaseCache(scratch_ / "cache").from_repository(upstream_.string(), "feature");
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_NE(first->commit_oid, second->commit_oid);
  EXPECT_EQ(second->commit_oid, rev_parse("feature"));
  EXPECT_EQ(first->repo_dir, second->repo_dir);
}

TEST_F(RemoteBaseTest, UnknownRevisionIsAnErrorNamingIt) {
  BaseCache cache(scratch_ / "cache");
  auto base = cache.from_repository(upstream_.string(), "no-such-branch");
  ASSERT_FALSE(base.ok());
  EXPECT_NE(base.error().message.find("no-such-branch"), std::string::npos) << base.error().message;
}

}  // namespace
}  // namespace landed
