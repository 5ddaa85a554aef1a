#include "harness/sandbox/tree_copy.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "tests/harness/sandbox/sandbox_test_support.h"
#include "tests/test_support.h"

namespace landed {
namespace {

namespace fs = std::filesystem;

Status put(const fs::path& path, const std::string& text) {
  LANDED_TRY_STATUS(make_directories(path.parent_path()));
  return write_file(path, text);
}

class TreeCopyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto dir = TempDir::create(fs::temp_directory_path(), "landed-tree-copy-");
    ASSERT_TRUE(dir.ok());
    scratch_ = std::make_unique<TempDir>(std::move(*dir));
    from_ = scratch_->path() / "from";
    ASSERT_TRUE(put(from_ / "a.txt", "alpha\n").ok());
    ASSERT_TRUE(put(from_ / "deep" / "er" / "b.sh", "#!/bin/sh\necho b\n").ok());
    fs::permissions(from_ / "deep" / "er" / "b.sh", fs::perms(0755));
    ASSERT_TRUE(put(from_ / "empty.bin", "").ok());
    std::string binary(70000, '\0');
    for (size_t i = 0; i < binary.size(); ++i) binary[i] = static_cast<char>(i * 31 % 251);
    ASSERT_TRUE(put(from_ / "big.bin", binary).ok());
    fs::create_symlink("deep/er/b.sh", from_ / "link");
    fs::create_symlink("nowhere", from_ / "dangling");
    fs::create_directories(from_ / "empty-folder");
    ASSERT_TRUE(put(from_ / ".git" / "HEAD", "ref: refs/heads/main\n").ok());
  }
  std::unique_ptr<TempDir> scratch_;
  fs::path from_;
};

TEST_F(TreeCopyTest, CopiesFilesModesSymlinksAndFoldersExactly) {
  const fs::path to = scratch_->path() / "to";
  Status copied = copy_tree(from_, to);
  ASSERT_TRUE(copied.ok()) << copied.error().message;
  EXPECT_EQ(testing::snapshot(to), testing::snapshot(from_));
  EXPECT_EQ(fs::read_symlink(to / "dangling"), "nowhere");
  EXPECT_TRUE(fs::is_directory(to / "empty-folder"));
  EXPECT_TRUE(fs::exists(to / ".git" / "HEAD"));
  struct stat from_info {}, to_info {};
  ASSERT_EQ(::stat((from_ / "a.txt").c_str(), &from_info), 0);
  ASSERT_EQ(::stat((to / "a.txt").c_str(), &to_info), 0);
  EXPECT_NE(from_info.st_ino, to_info.st_ino);  // a copy, never a hard link
}

TEST_F(TreeCopyTest, LeavesOutTheNamedTopLevelEntryOnly) {
  ASSERT_TRUE(put(from_ / "deep" / ".git", "gitdir: elsewhere\n").ok());
  const fs::path to = scratch_->path() / "to";
  ASSERT_TRUE(copy_tree(from_, to, ".git").ok());
  EXPECT_FALSE(fs::exists(to / ".git"));
  EXPECT_TRUE(fs::exists(to / "deep" / ".git"));
}

TEST_F(TreeCopyTest, ExistingTargetFileIsAnErrorNamingIt) {
  const fs::path to = scratch_->path() / "to";
  ASSERT_TRUE(put(to / "a.txt", "already here\n").ok());
  Status copied = copy_tree(from_, to);
  ASSERT_FALSE(copied.ok());
  EXPECT_NE(copied.error().message.find("a.txt"), std::string::npos) << copied.error().message;
}

TEST_F(TreeCopyTest, MissingSourceIsAnErrorNamingIt) {
  Status copied = copy_tree(scratch_->path() / "absent", scratch_->path() / "to");
  ASSERT_FALSE(copied.ok());
  EXPECT_NE(copied.error().message.find("absent"), std::string::npos);
}

}  // namespace
}  // namespace landed
