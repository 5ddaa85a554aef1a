#include "harness/campaign/task_validation.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

Record record(const std::string& runner, Outcome outcome, int repeat = 0, std::string reason = "") {
  Record r;
  r.task_id = "t";
  r.contender.id = runner;
  r.repeat = repeat;
  r.outcome = outcome;
  r.reason = std::move(reason);
  r.verify = ProcessInfo{};
  r.verify->log_path = "attempts/t/" + runner + "/r" + std::to_string(repeat) + "/verify.log";
  return r;
}

TEST(TaskValidation, EachFailingPhaseIsNamedWithItsLog) {
  Task task;
  const Record noop_fail = record("noop", Outcome::kFail);
  const Record noop_pass = record("noop", Outcome::kPass);
  const Record oracle_pass = record("oracle", Outcome::kPass);
  const Record oracle_fail = record("oracle", Outcome::kFail, 0, "the hidden tests failed");

  TaskVerdict sound = judge_task(task, {&noop_fail}, {&oracle_pass}, "/c");
  EXPECT_TRUE(sound.sound);

  TaskVerdict oracle = judge_task(task, {&noop_fail}, {&oracle_fail}, "/c");
  EXPECT_EQ(oracle.phase, ValidationPhase::kOracleVerify);
  EXPECT_EQ(oracle.log, "/c/attempts/t/oracle/r0/verify.log");
  EXPECT_EQ(oracle.reason.rfind("oracle ended fail: the hidden tests failed", 0), 0u);

  TaskVerdict noop = judge_task(task, {&noop_pass}, {&oracle_pass}, "/c");
  EXPECT_EQ(noop.phase, ValidationPhase::kNoopVerify);
  EXPECT_EQ(to_string(*noop.phase), "noop verify");
}

TEST(TaskValidation, AVerdictThatChangesBetweenRepeatsIsFlakyWithThePassCount) {
  Task task;
  const Record noop = record("noop", Outcome::kFail);
  const Record pass0 = record("oracle", Outcome::kPass, 0);
  const Record fail1 = record("oracle", Outcome::kFail, 1);
  const Record pass2 = record("oracle", Outcome::kPass, 2);
  TaskVerdict verdict = judge_task(task, {&noop}, {&pass0, &fail1, &pass2}, "/c");
  EXPECT_FALSE(verdict.sound);
  EXPECT_TRUE(verdict.flaky);
  EXPECT_EQ(verdict.reason.rfind("flaky: oracle passed 2 of 3", 0), 0u);
  EXPECT_EQ(verdict.log, "/c/attempts/t/oracle/r1/verify.log");
}

TEST(TaskValidation, SetupFailureAndACheckThatFailsOnTheReferenceAreTheirOwnPhases) {
  Task task;
  Record setup = record("noop", Outcome::kInfraError, 0, "setup failed: exit status 1");
  const Record oracle_pass = record("oracle", Outcome::kPass);
  TaskVerdict failed_setup = judge_task(task, {&setup}, {&oracle_pass}, "/c");
  EXPECT_EQ(failed_setup.phase, ValidationPhase::kSetup);
  EXPECT_EQ(failed_setup.log, "/c/attempts/t/noop/r0/setup.log");

  task.check = CommandSpec{"pyhton3 -c 1", std::nullopt};
  const Record noop = record("noop", Outcome::kFail);
  Record oracle = record("oracle", Outcome::kPass);
  oracle.check = ProcessInfo{};
  oracle.check->exit_code = 127;
  TaskVerdict check = judge_task(task, {&noop}, {&oracle}, "/c");
  EXPECT_EQ(check.phase, ValidationPhase::kCheck);
  EXPECT_EQ(check.reason, "check fails on the reference solution");
}

}  // namespace
}  // namespace landed
