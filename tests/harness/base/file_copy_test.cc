#include "harness/base/file_copy.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include <gtest/gtest.h>

#include "harness/base/files.h"

namespace landed {
namespace {

namespace fs = std::filesystem;

int refusal_errno = 0;
int refusal_calls = 0;

// copy_file_range as a kernel that refuses with `refusal_errno` (after copying 3 bytes once when
// `refusal_calls` starts at -1, to prove the fallback resumes where the kernel stopped).
ssize_t refusing_copy_range(int in, off64_t*, int out, off64_t*, size_t, unsigned int) {
  if (refusal_calls++ < 0) {
    char head[3];
    if (::read(in, head, 3) != 3 || ::write(out, head, 3) != 3) return -1;
    return 3;
  }
  errno = refusal_errno;
  return -1;
}

class FileCopyTest : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    auto dir = TempDir::create(fs::temp_directory_path(), "landed-file-copy-");
    ASSERT_TRUE(dir.ok());
    scratch_ = std::make_unique<TempDir>(std::move(*dir));
    for (int i = 0; i < 100000; ++i) text_ += static_cast<char>('a' + i % 26);
    ASSERT_TRUE(write_file(scratch_->path() / "from", text_).ok());
  }

  Result<std::string> copy_with(CopyRangeFn fn) {
    const fs::path from = scratch_->path() / "from", to = scratch_->path() / "to";
    const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    Status copied = copy_fd_contents(in, out, static_cast<off_t>(text_.size()), "from", fn);
    ::close(in);
    ::close(out);
    if (!copied.ok()) return copied.error();
    return read_file(to);
  }

  std::unique_ptr<TempDir> scratch_;
  std::string text_;
};

TEST_P(FileCopyTest, FallsBackToReadWriteWhenCopyFileRangeRefuses) {
  refusal_errno = GetParam();
  refusal_calls = 0;
  auto copied = copy_with(refusing_copy_range);
  ASSERT_TRUE(copied.ok()) << copied.error().message;
  EXPECT_EQ(*copied, text_);
  EXPECT_EQ(refusal_calls, 1);
}

TEST_P(FileCopyTest, FallbackResumesAfterAPartialKernelCopy) {
  refusal_errno = GetParam();
  refusal_calls = -1;
  auto copied = copy_with(refusing_copy_range);
  ASSERT_TRUE(copied.ok()) << copied.error().message;
  EXPECT_EQ(*copied, text_);
}

INSTANTIATE_TEST_SUITE_P(Refusals, FileCopyTest,
                         ::testing::Values(EXDEV, EINVAL, EOPNOTSUPP, ENOSYS, EPERM));

TEST(FileCopy, ARealErrorIsReportedWithThePath) {
  refusal_errno = ENOSPC;
  refusal_calls = 0;
  const int in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
  Status copied = copy_fd_contents(in, in, 10, "some/file", refusing_copy_range);
  ::close(in);
  ASSERT_FALSE(copied.ok());
  EXPECT_NE(copied.error().message.find("copy_file_range(some/file)"), std::string::npos)
      << copied.error().message;
}

TEST(FileCopy, CopiesWithTheKernelWhenItAgrees) {
  auto dir = TempDir::create(fs::temp_directory_path(), "landed-file-copy-");
  ASSERT_TRUE(dir.ok());
  ASSERT_TRUE(write_file(dir->path() / "a", "hello").ok());
  const int in = ::open((dir->path() / "a").c_str(), O_RDONLY | O_CLOEXEC);
  const int out = ::open((dir->path() / "b").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
  Status copied = copy_fd_contents(in, out, 5, "a");
  ::close(in);
  ::close(out);
  ASSERT_TRUE(copied.ok());
  EXPECT_EQ(*read_file(dir->path() / "b"), "hello");
}

}  // namespace
}  // namespace landed
