// run_process: where a child's output goes, how much of it, and who sees its lines.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "harness/process/process.h"
#include "tests/harness/process/process_test_support.h"

namespace landed {
namespace {

using std::chrono::milliseconds;

class OutputCaptureTest : public testing::ProcessTest {};

TEST_F(OutputCaptureTest, StdoutAndStderrGoToTheirOwnFiles) {
  const ProcessResult result = run_ok(shell("echo to-out; echo to-err >&2; echo more-out"));
  EXPECT_EQ(out(), "to-out\nmore-out\n");
  EXPECT_EQ(err(), "to-err\n");
  EXPECT_EQ(result.stdout_bytes, 16);
  EXPECT_EQ(result.stderr_bytes, 7);
  EXPECT_FALSE(result.stdout_truncated);
  EXPECT_FALSE(result.stderr_truncated);
}

TEST_F(OutputCaptureTest, OneFileForBothStreamsKeepsTheOrderOfWrites) {
  ProcessSpec spec = shell("echo a; echo b >&2; echo c; echo d >&2; echo e");
  spec.stderr_path = spec.stdout_path;
  const ProcessResult result = run_ok(spec);
  EXPECT_EQ(out(), "a\nb\nc\nd\ne\n");
  EXPECT_EQ(result.stdout_bytes, 10);
  EXPECT_EQ(result.stderr_bytes, 0);
}

TEST_F(OutputCaptureTest, OutputPastTheCapIsCountedDroppedAndDoesNotBlockTheChild) {
  // 2 MB is far more than a pipe holds: the child only finishes if we keep reading.
  ProcessSpec spec = shell("head -c 2000000 /dev/zero; echo finished >&2");
  spec.output_cap_bytes = 1000;
  spec.timeout = milliseconds(10000);
  const ProcessResult result = run_ok(spec);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_FALSE(result.timed_out);
  EXPECT_EQ(out().size(), 1000u);
  EXPECT_EQ(result.stdout_bytes, 2000000);
  EXPECT_TRUE(result.stdout_truncated);
  EXPECT_EQ(err(), "finished\n");
  EXPECT_FALSE(result.stderr_truncated);
}

TEST_F(OutputCaptureTest, EmptyOutputPathDiscardsButCounts) {
  ProcessSpec spec = shell("echo discarded");
  spec.stdout_path.clear();
  const ProcessResult result = run_ok(spec);
  EXPECT_EQ(result.stdout_bytes, 10);
  EXPECT_FALSE(std::filesystem::exists(scratch_ / "out.txt"));
}

TEST_F(OutputCaptureTest, LineCallbackSeesEveryLineInOrderIncludingTheUnterminatedLast) {
  ProcessSpec spec = shell("printf 'one\\ntwo\\n'; echo noise >&2; printf 'three\\nfour'");
  std::vector<std::string> lines;
  spec.on_stdout_line = [&](std::string_view line) {
    lines.emplace_back(line);
    return true;
  };
  const ProcessResult result = run_ok(spec);
  EXPECT_EQ(lines, (std::vector<std::string>{"one", "two", "three", "four"}));
  EXPECT_FALSE(result.stopped);
  EXPECT_EQ(out(), "one\ntwo\nthree\nfour");
}

TEST_F(OutputCaptureTest, LineCallbackReturningFalseStopsTheChild) {
  ProcessSpec spec = shell("echo ready; echo stop-here; sleep 60; echo never");
  int calls = 0;
  spec.on_stdout_line = [&](std::string_view line) {
    ++calls;
    return line != "stop-here";
  };
  const ProcessResult result = run_ok(spec);
  EXPECT_TRUE(result.stopped);
  EXPECT_FALSE(result.timed_out);
  EXPECT_EQ(result.signal, SIGTERM);
  EXPECT_EQ(calls, 2);
  EXPECT_LT(result.wall_s, 10.0);
}

TEST_F(OutputCaptureTest, ExitWhileABackgroundGrandchildHoldsThePipeReturnsPromptly) {
  // Both sleeps inherit the stdout pipe; waiting for end-of-file would take 30 s.
  ProcessSpec spec = shell("sleep 30 & setsid sleep 30 & echo done");
  const auto start = std::chrono::steady_clock::now();
  const ProcessResult result = run_ok(spec);
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(out(), "done\n");
  EXPECT_LT(elapsed, 10.0);
}

TEST_F(OutputCaptureTest, ChildInheritsNoDescriptorBeyondStdio) {
  // Descriptors without O_CLOEXEC, as another thread or library might leave them.
  const int plain = open("/dev/null", O_RDONLY);
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  ASSERT_GE(plain, 3);
  // The shell stays alive (the trailing ':'), so the listing is of the shell's own table.
  run_ok(shell("ls /proc/$$/fd; :"));
  close(plain);
  close(fds[0]);
  close(fds[1]);
  EXPECT_EQ(out(), "0\n1\n2\n");
}

}  // namespace
}  // namespace landed
