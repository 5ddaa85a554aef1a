#include "harness/task/task_digest.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>

#include "harness/task/task.h"
#include "tests/harness/task/task_fixture.h"
#include "tests/test_support.h"

namespace landed {
namespace {

namespace fs = std::filesystem;
using testing::put;
using testing::write_good_task;

std::string digest_of(const fs::path& dir) {
  Result<std::string> digest = task_tree_digest(dir);
  EXPECT_TRUE(digest.ok()) << digest.error().message;
  return digest.ok() ? *digest : std::string();
}

void copy_tree(const fs::path& from, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
}

TEST(TaskTreeDigest, SameContentInAnotherFolderGivesTheSameDigest) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "a/task");
  fs::create_symlink("src/ring.c", scratch / "a/task/workspace/link");
  copy_tree(scratch / "a/task", scratch / "elsewhere/deeper/other-name");
  EXPECT_EQ(digest_of(scratch / "a/task"), digest_of(scratch / "elsewhere/deeper/other-name"));
  EXPECT_EQ(digest_of(scratch / "a/task"), digest_of(scratch / "a/task"));
}

TEST(TaskTreeDigest, ChangesWhenAnyFileChangesAndComesBackWhenRestored) {
  testing::ScratchDir scratch;
  const fs::path dir = scratch / "t";
  write_good_task(dir);
  const std::string original = digest_of(dir);
  for (const char* file :
       {"task.toml", "prompt.md", "workspace/src/ring.c", "tests/sub/t.c", "solution/src/ring.c"}) {
    Result<std::string> before = read_file(dir / file);
    ASSERT_TRUE(before.ok());
    put(dir / file, *before + " ");
    EXPECT_NE(digest_of(dir), original) << file;
    put(dir / file, *before);
    EXPECT_EQ(digest_of(dir), original) << file;
  }
}

TEST(TaskTreeDigest, ChangesWhenTheExecutableBitFlips) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "t");
  const std::string before = digest_of(scratch / "t");
  ASSERT_EQ(::chmod((scratch / "t/tests/run.sh").c_str(), 0755), 0);
  EXPECT_NE(digest_of(scratch / "t"), before);
}

TEST(TaskTreeDigest, ChangesWhenAFileIsAddedRemovedOrRenamed) {
  testing::ScratchDir scratch;
  const fs::path dir = scratch / "t";
  write_good_task(dir);
  const std::string original = digest_of(dir);
  put(dir / "workspace/new.txt", "");
  const std::string added = digest_of(dir);
  EXPECT_NE(added, original);
  fs::rename(dir / "workspace/new.txt", dir / "workspace/renamed.txt");
  EXPECT_NE(digest_of(dir), added);
  EXPECT_NE(digest_of(dir), original);
  fs::remove(dir / "workspace/renamed.txt");
  EXPECT_EQ(digest_of(dir), original);
}

TEST(TaskTreeDigest, MovingContentBetweenFilesChangesIt) {
  testing::ScratchDir scratch;
  put(scratch / "a/x", "ab");
  put(scratch / "a/y", "");
  put(scratch / "b/x", "a");
  put(scratch / "b/y", "b");
  EXPECT_NE(digest_of(scratch / "a"), digest_of(scratch / "b"));
}

TEST(TaskTreeDigest, ChangesWhenASymlinkIsPointedElsewhere) {
  testing::ScratchDir scratch;
  const fs::path dir = scratch / "t";
  put(dir / "target.txt", "same");
  put(dir / "other.txt", "same");
  fs::create_symlink("target.txt", dir / "link");
  const std::string original = digest_of(dir);
  fs::remove(dir / "link");
  fs::create_symlink("other.txt", dir / "link");
  EXPECT_NE(digest_of(dir), original);
}

TEST(TaskTreeDigest, SymlinkAndRegularFileWithTheSameTextDiffer) {
  testing::ScratchDir scratch;
  put(scratch / "a/x", "y");
  put(scratch / "b/y", "");
  put(scratch / "a/y", "");
  fs::create_symlink("y", scratch / "b/x");
  EXPECT_NE(digest_of(scratch / "a"), digest_of(scratch / "b"));
}

TEST(TaskTreeDigest, AFifoIsAnErrorNamingIt) {
  testing::ScratchDir scratch;
  put(scratch / "t/a.txt", "a");
  ASSERT_EQ(::mkfifo((scratch / "t/pipe").c_str(), 0644), 0);
  Result<std::string> digest = task_tree_digest(scratch / "t");
  ASSERT_FALSE(digest.ok());
  EXPECT_THAT(digest.error().message, ::testing::HasSubstr((scratch / "t/pipe").string()));
}

TEST(TaskTreeDigest, MissingFolderIsAnError) {
  testing::ScratchDir scratch;
  EXPECT_FALSE(task_tree_digest(scratch / "absent").ok());
}

TEST(TaskTreeDigest, LoadedTaskDigestIsTheTreeDigest) {
  testing::ScratchDir scratch;
  write_good_task(scratch / "t");
  Result<Task> task = load_task(scratch / "t");
  ASSERT_TRUE(task.ok()) << task.error().message;
  EXPECT_EQ(task->digest, digest_of(scratch / "t"));
}

// 5,000 files, as in a large task: the digest is a few syscalls per file, so it should cost
// about as much as reading the files once. Compared against that, never an absolute time.
TEST(TaskTreeDigest, FiveThousandFilesCostAboutOneReadOfEachFile) {
  testing::ScratchDir scratch;
  const fs::path dir = scratch / "big";
  std::vector<std::string> files;
  for (int d = 0; d < 50; ++d)
    ASSERT_TRUE(make_directories(dir / fmt::format("workspace/d{}", d)).ok());
  for (int i = 0; i < 5000; ++i) {
    files.push_back(fmt::format("workspace/d{}/f{}.txt", i % 50, i));
    ASSERT_TRUE(write_file(dir / files.back(), fmt::format("line {}\n", i)).ok());
  }
  const auto start = std::chrono::steady_clock::now();
  std::size_t bytes = 0;
  for (const std::string& file : files) bytes += read_file(dir / file)->size();
  const auto read_done = std::chrono::steady_clock::now();
  const std::string digest = digest_of(dir);
  const auto digest_done = std::chrono::steady_clock::now();
  EXPECT_GT(bytes, 0u);
  EXPECT_EQ(digest.size(), 64u);
  const double read_s = std::chrono::duration<double>(read_done - start).count();
  const double digest_s = std::chrono::duration<double>(digest_done - read_done).count();
  std::printf("5000 files: read %.1f ms, digest %.1f ms\n", read_s * 1e3, digest_s * 1e3);
  EXPECT_LT(digest_s, 10 * read_s + 0.05);
}

}  // namespace
}  // namespace landed
