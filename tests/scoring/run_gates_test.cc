#include "scoring/run_gates.h"

#include <gtest/gtest.h>

#include "tests/scoring/scoreboard_test_util.h"

namespace landed {
namespace {

using testing::make_record;

std::vector<Record> records(const std::string& contender, std::vector<Outcome> outcomes) {
  std::vector<Record> out;
  for (std::size_t i = 0; i < outcomes.size(); ++i)
    out.push_back(make_record(contender, "task-" + std::to_string(i), 0, outcomes[i]));
  return out;
}

TEST(RunGates, ParsesCountsPercentsAndOrEqual) {
  auto rule = parse_outcome_threshold("agent_error>50%");
  ASSERT_TRUE(rule.ok());
  EXPECT_EQ(rule->outcome, Outcome::kAgentError);
  EXPECT_FALSE(rule->or_equal);
  EXPECT_TRUE(rule->percent);
  EXPECT_DOUBLE_EQ(rule->value, 50);
  auto count = parse_outcome_threshold("infra_error>=2");
  ASSERT_TRUE(count.ok());
  EXPECT_TRUE(count->or_equal);
  EXPECT_FALSE(count->percent);
  EXPECT_DOUBLE_EQ(count->value, 2);
}

TEST(RunGates, RejectsMalformedThresholdsNamingTheForm) {
  for (const char* bad : {"agent_error", "agent_eror>1", "timeout>", "timeout>x", "fail>150%",
                          "fail<3"}) {
    auto rule = parse_outcome_threshold(bad);
    ASSERT_FALSE(rule.ok()) << bad;
    EXPECT_NE(rule.error().message.find("OUTCOME>N"), std::string::npos);
  }
}

TEST(RunGates, PercentCrossesOnlyAboveTheLine) {
  auto half = records("a", {Outcome::kAgentError, Outcome::kPass});
  EXPECT_TRUE(crossed_thresholds(half, {*parse_outcome_threshold("agent_error>50%")}).empty());
  auto crossed = crossed_thresholds(half, {*parse_outcome_threshold("agent_error>=50%")});
  ASSERT_EQ(crossed.size(), 1u);
  EXPECT_NE(crossed[0].find("contender a: agent_error in 1 of 2 attempts (50.0%)"),
            std::string::npos);
}

TEST(RunGates, CountsArePerContender) {
  auto all = records("a", {Outcome::kTimeout, Outcome::kTimeout});
  auto b = records("b", {Outcome::kTimeout, Outcome::kPass});
  all.insert(all.end(), b.begin(), b.end());
  auto crossed = crossed_thresholds(all, {*parse_outcome_threshold("timeout>1")});
  ASSERT_EQ(crossed.size(), 1u);
  EXPECT_NE(crossed[0].find("contender a"), std::string::npos);
}

TEST(RunGates, AContenderWithOnlyInfraErrorsOrNoRecordIsUnmeasured) {
  auto all = records("broken", {Outcome::kInfraError, Outcome::kInfraError});
  all[0].reason = "could not start the agent: 'claude' not found";
  auto ok = records("fine", {Outcome::kFail});
  all.insert(all.end(), ok.begin(), ok.end());
  auto lines = unmeasured_contenders(all, {"broken", "fine", "capped"},
                                     std::string("the dollar cap of $1.00 was reached"));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_NE(lines[0].find("contender broken: nothing measured: all 2 attempts ended in "
                          "infra_error (first: could not start the agent"),
            std::string::npos);
  EXPECT_NE(lines[1].find("contender capped: nothing measured: no attempt started (the dollar "
                          "cap of $1.00 was reached)"),
            std::string::npos);
}

}  // namespace
}  // namespace landed
