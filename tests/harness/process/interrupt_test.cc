// SIGINT/SIGTERM to landed: a running child is stopped like a timeout, a backoff sleep ends.
#include "harness/process/interrupt.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "tests/harness/process/process_test_support.h"

namespace landed {
namespace {

using std::chrono::milliseconds;

class InterruptTest : public testing::ProcessTest {
 protected:
  void SetUp() override { install_interrupt_handlers(); }
  void TearDown() override { simulate_interrupt(0); }
};

TEST_F(InterruptTest, ASignalStopsARunningChildWithTermToItsGroup) {
  std::thread signaller([] {
    std::this_thread::sleep_for(milliseconds(200));
    simulate_interrupt(SIGTERM);
  });
  const ProcessResult result = run_ok(shell("exec sleep 60"));
  signaller.join();
  EXPECT_EQ(result.signal, SIGTERM);
  EXPECT_LT(result.wall_s, 10.0);
  EXPECT_EQ(interrupt_signal(), SIGTERM);
}

TEST_F(InterruptTest, ARealSigintIsRecordedAndEndsASleep) {
  std::thread signaller([] {
    std::this_thread::sleep_for(milliseconds(100));
    ::kill(::getpid(), SIGINT);
  });
  const auto start = std::chrono::steady_clock::now();
  sleep_unless_interrupted(milliseconds(20000));
  signaller.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(interrupt_signal(), SIGINT);
}

}  // namespace
}  // namespace landed
