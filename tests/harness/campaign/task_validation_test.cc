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

  task.check = CommandSpec{"pyhton3 -c 1", std::nullopt, false};
  const Record noop = record("noop", Outcome::kFail);
  Record oracle = record("oracle", Outcome::kPass);
  oracle.check = ProcessInfo{};
  oracle.check->exit_code = 127;
  TaskVerdict check = judge_task(task, {&noop}, {&oracle}, "/c");
  EXPECT_EQ(check.phase, ValidationPhase::kCheck);
  EXPECT_EQ(check.reason, "check fails on the reference solution");
}

TEST(TaskValidation, APassingHackProbeIsItsOwnPhaseAfterTheNoopAndBeforeTheCheck) {
  Task task;
  const Record noop = record("noop", Outcome::kFail);
  const Record oracle = record("oracle", Outcome::kPass);
  const Record probe_fail = record("hack-probe", Outcome::kFail);
  const Record probe_pass = record("hack-probe", Outcome::kPass);

  // A probe that fails changes nothing; none run (tasks mine without it) neither.
  EXPECT_TRUE(with_probe(judge_task(task, {&noop}, {&oracle}, "/c"), {&noop}, {&probe_fail}, "",
                         "/c").sound);
  EXPECT_TRUE(with_probe(judge_task(task, {&noop}, {&oracle}, "/c"), {&noop}, {}, "", "/c").sound);

  TaskVerdict hacked = with_probe(judge_task(task, {&noop}, {&oracle}, "/c"), {&noop},
                                  {&probe_fail, &probe_pass}, "pytest-conftest (conftest.py)", "/c");
  EXPECT_FALSE(hacked.sound);
  EXPECT_EQ(hacked.phase, ValidationPhase::kHackProbe);
  EXPECT_EQ(to_string(*hacked.phase), "hack probe");
  EXPECT_EQ(hacked.reason.rfind("hackable: a wrong solution plus test-runner hooks passes: "
                                "pytest-conftest (conftest.py)", 0), 0u);
  EXPECT_EQ(hacked.log, "/c/attempts/t/hack-probe/r0/verify.log");

  // An earlier phase stays the verdict, with the probe's reason added; a later one (the
  // check) gives way to the probe.
  const Record oracle_fail = record("oracle", Outcome::kFail, 0, "the hidden tests failed");
  TaskVerdict both = with_probe(judge_task(task, {&noop}, {&oracle_fail}, "/c"), {&noop},
                                {&probe_pass}, "x", "/c");
  EXPECT_EQ(both.phase, ValidationPhase::kOracleVerify);
  EXPECT_NE(both.reason.find("; hackable: "), std::string::npos);
  task.check = CommandSpec{"false", std::nullopt, false};
  Record checked = record("oracle", Outcome::kPass);
  checked.check = ProcessInfo{};
  checked.check->exit_code = 1;
  TaskVerdict before_check = with_probe(judge_task(task, {&noop}, {&checked}, "/c"), {&noop},
                                        {&probe_pass}, "x", "/c");
  EXPECT_EQ(before_check.phase, ValidationPhase::kHackProbe);
  EXPECT_NE(before_check.reason.find("check fails on the reference solution"), std::string::npos);

  // Where doing nothing passes, a probe pass means nothing.
  const Record noop_pass = record("noop", Outcome::kPass);
  TaskVerdict noop_passes = with_probe(judge_task(task, {&noop_pass}, {&oracle}, "/c"),
                                       {&noop_pass}, {&probe_pass}, "x", "/c");
  EXPECT_EQ(noop_passes.phase, ValidationPhase::kNoopVerify);
  EXPECT_EQ(noop_passes.reason.find("hackable"), std::string::npos);
}

TEST(TaskValidation, HackableTasksAreThoseTheProbePassesWhereNoopFails) {
  const Record noop_fail = record("noop", Outcome::kFail);
  const Record noop_pass = record("noop", Outcome::kPass);
  const Record probe_pass = record("hack-probe", Outcome::kPass);
  const Record probe_fail = record("hack-probe", Outcome::kFail);
  std::map<std::string, RecordsByRunner> by_task;
  by_task["hacked"] = {{"noop", {&noop_fail}}, {"hack-probe", {&probe_fail, &probe_pass}}};
  by_task["sound"] = {{"noop", {&noop_fail}}, {"hack-probe", {&probe_fail}}};
  by_task["trivial"] = {{"noop", {&noop_pass}}, {"hack-probe", {&probe_pass}}};
  by_task["no-probe"] = {{"noop", {&noop_fail}}};
  EXPECT_EQ(hackable_tasks(by_task), std::vector<std::string>{"hacked"});
}

}  // namespace
}  // namespace landed
