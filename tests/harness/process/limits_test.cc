// run_process: timeouts, what is left behind, resource usage and concurrent runs.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>

#include <thread>

#include "harness/process/process.h"
#include "tests/harness/process/process_test_support.h"

namespace landed {
namespace {

using std::chrono::milliseconds;

class ProcessLimitsTest : public testing::ProcessTest {};

TEST_F(ProcessLimitsTest, TimeoutStopsASleepQuicklyWithTerm) {
  ProcessSpec spec = shell("exec sleep 60");
  spec.timeout = milliseconds(200);
  const ProcessResult result = run_ok(spec);
  EXPECT_TRUE(result.timed_out);
  EXPECT_EQ(result.signal, SIGTERM);
  EXPECT_FALSE(result.exit_code.has_value());
  EXPECT_GE(result.wall_s, 0.15);
  EXPECT_LT(result.wall_s, 10.0);
}

TEST_F(ProcessLimitsTest, TimeoutEscalatesToKillAfterTheGraceWhenTermIsIgnored) {
  ProcessSpec spec = shell("trap '' TERM; sleep 60");
  spec.timeout = milliseconds(100);
  spec.kill_grace = milliseconds(300);
  const ProcessResult result = run_ok(spec);
  EXPECT_TRUE(result.timed_out);
  EXPECT_EQ(result.signal, SIGKILL);
  EXPECT_GE(result.wall_s, 0.35);
  EXPECT_LT(result.wall_s, 10.0);
}

TEST_F(ProcessLimitsTest, TimeoutKillsAndReapsGrandchildrenEvenThoseThatLeftTheGroup) {
  ProcessSpec spec = shell(
      "sleep 1000 & echo $! > pids;"
      "setsid sleep 1000 & echo $! >> pids;"
      "(setsid sleep 1000 & echo $! >> pids);"
      "sleep 60");
  spec.sweep_token = testing::unique_token("grandchildren");
  spec.timeout = milliseconds(1000);
  const ProcessResult result = run_ok(spec);
  EXPECT_TRUE(result.timed_out);
  const auto pids = testing::read_pids(scratch_ / "pids");
  ASSERT_EQ(pids.size(), 3u);
  EXPECT_TRUE(
      testing::processes_with_environment_entry(testing::token_entry(spec.sweep_token)).empty());
  for (pid_t pid : pids) EXPECT_FALSE(testing::pid_exists(pid)) << "left behind: " << pid;
}

TEST_F(ProcessLimitsTest, NormalExitAlsoLeavesNoDescendantBehind) {
  ProcessSpec spec = shell("setsid sleep 1000 & echo $! > pids; sleep 1000 & echo $! >> pids");
  spec.sweep_token = testing::unique_token("normal-exit");
  const ProcessResult result = run_ok(spec);
  EXPECT_EQ(result.exit_code, 0);
  const auto pids = testing::read_pids(scratch_ / "pids");
  ASSERT_EQ(pids.size(), 2u);
  EXPECT_TRUE(
      testing::processes_with_environment_entry(testing::token_entry(spec.sweep_token)).empty());
  for (pid_t pid : pids) EXPECT_FALSE(testing::pid_exists(pid)) << "left behind: " << pid;
}

TEST_F(ProcessLimitsTest, EscapeesAreFoundByTokenEvenWhenWeAreNotTheSubreaper) {
  // Orphans then go to init, outside our tree: the sweep must read every environment.
  prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0);
  ProcessSpec spec = shell("setsid sleep 1000 & (setsid sleep 1000 &)");
  spec.sweep_token = testing::unique_token("no-subreaper");
  const ProcessResult result = run_ok(spec);
  become_subreaper();
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_TRUE(
      testing::processes_with_environment_entry(testing::token_entry(spec.sweep_token)).empty());
}

TEST_F(ProcessLimitsTest, OrphanThatDiedOnItsOwnIsReapedToo) {
  // The orphan exits while the child still runs: a zombie of ours with no token left to find.
  ProcessSpec spec = shell("setsid sh -c 'exit 0' & echo $! > pids; sleep 0.3");
  const ProcessResult result = run_ok(spec);
  EXPECT_EQ(result.exit_code, 0);
  const auto pids = testing::read_pids(scratch_ / "pids");
  ASSERT_EQ(pids.size(), 1u);
  EXPECT_FALSE(testing::pid_exists(pids[0]));
}

TEST_F(ProcessLimitsTest, CpuTimeOfABusyLoopIsCounted) {
  const ProcessResult result = run_ok(shell("i=0; while [ $i -lt 200000 ]; do i=$((i+1)); done"));
  EXPECT_GT(result.cpu_user_s + result.cpu_sys_s, 0.0);
}

TEST_F(ProcessLimitsTest, PeakMemoryCoversADescendantThatHolds100Megabytes) {
  // dd reads 120 MiB into one buffer: ~123,000 kB resident.
  const ProcessResult result =
      run_ok(shell("dd bs=120M count=1 if=/dev/zero of=/dev/null 2>/dev/null"));
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_GE(result.max_rss_kb, 100 * 1024);
}

TEST_F(ProcessLimitsTest, ConcurrentRunsEachGetTheirOwnOutput) {
  constexpr int kThreads = 8;
  std::vector<testing::ScratchDir> dirs(kThreads);
  std::vector<ProcessResult> results(kThreads);
  std::vector<std::vector<std::string>> lines(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      // Distinct exit codes: a child reaped by another thread's sweep would lose its own.
      ProcessSpec spec =
          shell(fmt::format("echo start-{0}; sleep 0.2; echo end-{0} >&2; exit {1}", i, i + 10));
      spec.stdout_path = dirs[i] / "out.txt";
      spec.stderr_path = dirs[i] / "err.txt";
      spec.on_stdout_line = [&, i](std::string_view line) {
        lines[i].emplace_back(line);
        return true;
      };
      results[i] = run_ok(spec);
    });
  }
  for (auto& thread : threads) thread.join();
  for (int i = 0; i < kThreads; ++i) {
    EXPECT_EQ(results[i].exit_code, i + 10);
    EXPECT_EQ(slurp(dirs[i] / "out.txt"), fmt::format("start-{}\n", i));
    EXPECT_EQ(slurp(dirs[i] / "err.txt"), fmt::format("end-{}\n", i));
    EXPECT_EQ(lines[i], std::vector<std::string>{fmt::format("start-{}", i)});
  }
}

}  // namespace
}  // namespace landed
