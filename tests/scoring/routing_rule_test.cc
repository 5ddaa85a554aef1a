// The escalation rule on every trigger, read from records the way a real router would see them.
#include "scoring/routing_rule.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

Record finished(Outcome outcome, std::optional<int> check_exit) {
  Record r;
  r.outcome = outcome;
  r.agent.status = "done";
  if (check_exit) r.check = ProcessInfo{check_exit, std::nullopt, false, {}, {}, "check.log"};
  return r;
}

Record ended(Outcome outcome, std::string agent_status) {
  Record r;
  r.outcome = outcome;
  r.agent.status = std::move(agent_status);
  return r;
}

TEST(RoutingRuleTest, FailedCheckEscalates) {
  EXPECT_EQ(visible_signal(finished(Outcome::kFail, 1)).trigger, EscalationTrigger::kCheckFailed);
  EXPECT_TRUE(EscalationRule{}.escalates(finished(Outcome::kFail, 1)));
}

TEST(RoutingRuleTest, PassingCheckDoesNotEscalate) {
  EXPECT_FALSE(visible_signal(finished(Outcome::kPass, 0)).trigger.has_value());
  EXPECT_FALSE(EscalationRule{}.escalates(finished(Outcome::kPass, 0)));
}

TEST(RoutingRuleTest, HiddenTestsAreNeverRead) {
  // The check passed but the hidden tests failed: a router cannot know, it accepts.
  EXPECT_FALSE(EscalationRule{}.escalates(finished(Outcome::kFail, 0)));
  // The hidden tests passed but the check failed: the router escalates all the same.
  EXPECT_TRUE(EscalationRule{}.escalates(finished(Outcome::kPass, 2)));
}

TEST(RoutingRuleTest, NoCheckMeansNoSignalAfterAFinishedAgent) {
  EXPECT_FALSE(EscalationRule{}.escalates(finished(Outcome::kFail, std::nullopt)));
}

TEST(RoutingRuleTest, CheckThatTimedOutOrNeverStartedCountsAsFailed) {
  Record timed_out = finished(Outcome::kPass, std::nullopt);
  timed_out.check = ProcessInfo{std::nullopt, 9, true, {}, {}, "check.log"};
  EXPECT_EQ(visible_signal(timed_out).trigger, EscalationTrigger::kCheckFailed);
  Record never = finished(Outcome::kPass, std::nullopt);
  never.check = ProcessInfo{};
  EXPECT_EQ(visible_signal(never).trigger, EscalationTrigger::kCheckFailed);
}

TEST(RoutingRuleTest, GaveUpAgentErrorTimeoutAndOverBudgetEachEscalate) {
  EXPECT_EQ(visible_signal(ended(Outcome::kAgentError, "gave_up")).trigger,
            EscalationTrigger::kGaveUp);
  EXPECT_EQ(visible_signal(ended(Outcome::kAgentError, "error")).trigger,
            EscalationTrigger::kAgentError);
  EXPECT_EQ(visible_signal(ended(Outcome::kTimeout, "timeout")).trigger,
            EscalationTrigger::kTimeout);
  EXPECT_EQ(visible_signal(ended(Outcome::kOverBudget, "over_budget")).trigger,
            EscalationTrigger::kOverBudget);
  for (const Record& r : {ended(Outcome::kAgentError, "gave_up"), ended(Outcome::kAgentError, "error"),
                          ended(Outcome::kTimeout, "timeout"),
                          ended(Outcome::kOverBudget, "over_budget")})
    EXPECT_TRUE(EscalationRule{}.escalates(r));
}

TEST(RoutingRuleTest, InfraErrorIsNoSignalAtAll) {
  VisibleSignal s = visible_signal(ended(Outcome::kInfraError, "infra_error"));
  EXPECT_TRUE(s.infra);
  EXPECT_FALSE(s.trigger.has_value());
}

TEST(RoutingRuleTest, ARuleEscalatesOnlyOnItsTriggers) {
  auto rule = parse_escalation_rule({"over_budget,timeout"});
  ASSERT_TRUE(rule.ok()) << rule.error().message;
  EXPECT_EQ(rule->describe(), "timeout,over_budget");
  EXPECT_TRUE(rule->escalates(ended(Outcome::kOverBudget, "over_budget")));
  EXPECT_FALSE(rule->escalates(finished(Outcome::kFail, 1)));
  EXPECT_FALSE(rule->escalates(ended(Outcome::kAgentError, "gave_up")));
}

TEST(RoutingRuleTest, UnknownTriggerIsAnError) {
  auto rule = parse_escalation_rule({"check_failed,hidden_failed"});
  ASSERT_FALSE(rule.ok());
  EXPECT_NE(rule.error().message.find("hidden_failed"), std::string::npos);
  EXPECT_FALSE(parse_escalation_rule({}).ok());
}

TEST(RoutingRuleTest, DefaultRuleHasEveryTrigger) {
  EXPECT_EQ(EscalationRule{}.describe(), "check_failed,gave_up,agent_error,timeout,over_budget");
}

}  // namespace
}  // namespace landed
