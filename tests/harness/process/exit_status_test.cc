// run_process: how a child ends, how it is started, and when it cannot be started at all.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <fstream>

#include "harness/process/process.h"
#include "tests/harness/process/process_test_support.h"

namespace landed {
namespace {

using std::chrono::milliseconds;

class ProcessExitTest : public testing::ProcessTest {};

TEST_F(ProcessExitTest, ZeroExitIsReportedAsExitCodeZero) {
  const ProcessResult result = run_ok(shell("true"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_FALSE(result.signal.has_value());
  EXPECT_FALSE(result.timed_out);
}

TEST_F(ProcessExitTest, NonZeroExitIsAResultNotAnError) {
  const ProcessResult result = run_ok(shell("exit 3"));
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_FALSE(result.signal.has_value());
}

TEST_F(ProcessExitTest, DeathBySignalReportsTheSignalAndNoExitCode) {
  const ProcessResult result = run_ok(shell("kill -KILL $$"));
  EXPECT_FALSE(result.exit_code.has_value());
  EXPECT_EQ(result.signal, SIGKILL);
}

TEST_F(ProcessExitTest, MissingProgramIsAnErrorNamingIt) {
  ProcessSpec spec = shell("");
  spec.argv = {"landed-no-such-program"};
  auto result = run_process(spec);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("landed-no-such-program"), std::string::npos)
      << result.error().message;
}

TEST_F(ProcessExitTest, MissingProgramPathIsAnErrorFromPosixSpawnNotExit127) {
  ProcessSpec spec = shell("");
  spec.argv = {"/nonexistent/landed-program"};
  auto result = run_process(spec);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("/nonexistent/landed-program"), std::string::npos);
  EXPECT_NE(result.error().message.find("No such file"), std::string::npos)
      << result.error().message;
}

TEST_F(ProcessExitTest, MissingWorkingDirectoryIsAnError) {
  ProcessSpec spec = shell("true");
  spec.cwd = scratch_ / "no-such-dir";
  auto result = run_process(spec);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("no-such-dir"), std::string::npos);
}

TEST_F(ProcessExitTest, UnwritableLogPathIsAnError) {
  ProcessSpec spec = shell("true");
  spec.stdout_path = scratch_ / "missing-dir" / "out.txt";
  auto result = run_process(spec);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("missing-dir"), std::string::npos);
}

TEST_F(ProcessExitTest, ProgramIsSearchedOnThePathOfTheChildEnvironment) {
  const auto bin = scratch_ / "bin";
  std::filesystem::create_directories(bin);
  std::ofstream(bin / "landed-hello") << "#!/bin/sh\necho hello from path\n";
  chmod((bin / "landed-hello").c_str(), 0755);
  ProcessSpec spec = shell("");
  spec.argv = {"landed-hello"};
  spec.env = {"PATH=/nonexistent:" + bin.string()};
  const ProcessResult result = run_ok(spec);
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(out(), "hello from path\n");
}

TEST_F(ProcessExitTest, StdinIsDevNullSoCatEndsAtOnce) {
  ProcessSpec spec = shell("cat; echo after-cat");
  spec.timeout = milliseconds(5000);
  const ProcessResult result = run_ok(spec);
  EXPECT_FALSE(result.timed_out);
  EXPECT_EQ(out(), "after-cat\n");
}

TEST_F(ProcessExitTest, ChildGetsOnlyTheGivenEnvironmentAndTheToken) {
  ProcessSpec spec = shell("");
  spec.argv = {"env"};  // no shell in between: it would add PWD
  spec.env = {"PATH=/usr/bin:/bin", "LANDED_TEST_ONLY=1"};
  spec.sweep_token = "token-123";
  run_ok(spec);
  EXPECT_EQ(out(), "PATH=/usr/bin:/bin\nLANDED_TEST_ONLY=1\nLANDED_ATTEMPT_TOKEN=token-123\n");
}

TEST_F(ProcessExitTest, EachRunGetsItsOwnRandomTokenByDefault) {
  run_ok(shell("echo $LANDED_ATTEMPT_TOKEN"));
  const std::string first = out();
  run_ok(shell("echo $LANDED_ATTEMPT_TOKEN"));
  EXPECT_GT(first.size(), 16u);
  EXPECT_NE(first, out());
}

TEST_F(ProcessExitTest, ChildLeadsItsOwnSessionAndProcessGroup) {
  // /proc/self/stat: pid (comm) state ppid pgrp session ...
  run_ok(shell("exec cat /proc/self/stat"));
  long pid = 0, ppid = 0, pgrp = 0, session = 0;
  char state = 0;
  ASSERT_EQ(
      std::sscanf(out().c_str(), "%ld (cat) %c %ld %ld %ld", &pid, &state, &ppid, &pgrp, &session),
      5)
      << out();
  EXPECT_EQ(pgrp, pid);
  EXPECT_EQ(session, pid);
}

TEST_F(ProcessExitTest, ChildStartsWithEmptySignalMaskAndDefaultDispositions) {
  sigset_t blocked, previous_mask;
  sigemptyset(&blocked);
  sigaddset(&blocked, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &blocked, &previous_mask);
  auto previous_handler = signal(SIGUSR2, SIG_IGN);
  run_ok(shell("exec grep -E '^Sig(Blk|Ign)' /proc/self/status"));
  signal(SIGUSR2, previous_handler);
  pthread_sigmask(SIG_SETMASK, &previous_mask, nullptr);
  unsigned long long blk = ~0ull, ign = ~0ull;
  ASSERT_EQ(std::sscanf(out().c_str(), "SigBlk: %llx SigIgn: %llx", &blk, &ign), 2) << out();
  EXPECT_EQ(blk, 0u);
  // glibc's posix_spawn leaves its two internal signals (32, 33) ignored: sigfillset cannot
  // name them. glibc and musl programs install their own handlers for them at start-up.
  const unsigned long long glibc_internal = 3ull << 31;
  EXPECT_EQ(ign & ~glibc_internal, 0u) << out();
}

TEST_F(ProcessExitTest, SystemProcessRunnerRunsTheProcess) {
  SystemProcessRunner runner;
  ProcessRunner& interface = runner;
  auto result = interface.run(shell("echo via-runner; exit 4"));
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_EQ(result->exit_code, 4);
  EXPECT_EQ(out(), "via-runner\n");
}

}  // namespace
}  // namespace landed
