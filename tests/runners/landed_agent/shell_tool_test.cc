#include "runners/landed_agent/shell_tool.h"

#include <gtest/gtest.h>

#include "harness/base/clock.h"

namespace landed::agent {
namespace {

using std::chrono::milliseconds;

TEST(ShellTool, ReturnsExitStatusAndCombinedOutput) {
  auto result = run_shell("echo out; echo err >&2; exit 3", milliseconds(10'000));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->exit_code, 3);
  EXPECT_FALSE(result->timed_out);
  EXPECT_NE(result->output.find("out\n"), std::string::npos);
  EXPECT_NE(result->output.find("err\n"), std::string::npos);
  EXPECT_EQ(format_tool_output(*result, milliseconds(1000)).rfind("exit status 3\n", 0), 0u);
}

TEST(ShellTool, KillsACommandAtItsTimeout) {
  Stopwatch watch;
  auto result = run_shell("sleep 30", milliseconds(300));
  ASSERT_TRUE(result.ok());
  EXPECT_TRUE(result->timed_out);
  EXPECT_LT(watch.seconds(), 10.0);
  EXPECT_NE(format_tool_output(*result, milliseconds(300)).find("timed out"), std::string::npos);
}

TEST(ShellTool, ABackgroundChildHoldingTheOutputDoesNotBlockTheTool) {
  Stopwatch watch;
  auto result = run_shell("sleep 30 & echo started", milliseconds(20'000));
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result->exit_code, 0);
  EXPECT_NE(result->output.find("started"), std::string::npos);
  EXPECT_LT(watch.seconds(), 10.0);
}

TEST(ShellTool, LongOutputIsCutInTheMiddleToTheLimit) {
  auto result =
      run_shell("head -c 100000 /dev/zero | tr '\\0' a; echo; echo THE-END", milliseconds(10'000));
  ASSERT_TRUE(result.ok());
  const std::string shown = format_tool_output(*result, milliseconds(1000));
  EXPECT_LT(shown.size(), kToolOutputLimit + 200);
  EXPECT_NE(shown.find("THE-END"), std::string::npos);
  EXPECT_NE(shown.find("bytes cut"), std::string::npos);
}

TEST(TruncateMiddle, KeepsShortTextAndBothEndsOfLongText) {
  EXPECT_EQ(truncate_middle("short", 10), "short");
  const std::string cut = truncate_middle(std::string(50, 'a') + std::string(50, 'b'), 20);
  EXPECT_EQ(cut.rfind("aaaaaaaaaa", 0), 0u);
  EXPECT_EQ(cut.substr(cut.size() - 10), "bbbbbbbbbb");
  EXPECT_NE(cut.find("80 bytes cut"), std::string::npos);
}

}  // namespace
}  // namespace landed::agent
