// Live routes end to end with scripted agents: every escalation trigger, no escalation on a
// visible pass, the route's record summing its steps, and carrying the patch forward or not.
#include "harness/campaign/route_attempt.h"

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "tests/harness/task/task_fixture.h"
#include "tests/test_support.h"

namespace landed {
namespace {

using testing::put;

constexpr const char* kDone = "echo '{\"event\":\"final\",\"status\":\"done\"}'\n";
constexpr const char* kStep =
    "echo '{\"event\":\"step\",\"model\":\"m\",\"input_tokens\":100,\"output_tokens\":10}'\n";

class RouteAttemptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto dir = scratch_ / "suite" / "adder";
    // The check is what a router sees; here it tests the same thing as the hidden tests.
    put(dir / "task.toml", "difficulty = \"easy\"\n[verify]\ncommand = \"sh hidden.sh\"\n"
                           "timeout_s = 20\n[check]\ncommand = \"grep -qx 42 value.txt\"\n");
    put(dir / "prompt.md", "Make value.txt say 42.\n");
    put(dir / "workspace/value.txt", "41\n");
    put(dir / "tests/hidden.sh", "grep -qx 42 value.txt\n");
    put(dir / "solution/value.txt", "42\n");
    auto task = load_task(dir);
    ASSERT_TRUE(task.ok()) << task.error().message;
    task_ = std::move(task).value();
    bases_.emplace(scratch_ / "cache");
    context_.bases = &*bases_;
    context_.processes = &processes_;
    context_.campaign_dir = scratch_ / "campaign";
    context_.work_root = scratch_ / "campaign" / "sandboxes";
    context_.campaign_id = "test";
    context_.price_record = [](Record& r) {  // $1 per 1000 tokens, to see costs add up
      r.cost_usd = r.usage.tokens.total() ? Dollars(*r.usage.tokens.total() / 1000.0)
                                          : std::nullopt;
      r.price_status = r.cost_usd ? "priced" : "no_usage";
    };
  }

  Contender script(const std::string& name, const std::string& body) {
    const auto path = scratch_ / (name + ".sh");
    put(path, "#!/bin/sh\n" + body);
    std::filesystem::permissions(path, std::filesystem::perms::owner_exec,
                                 std::filesystem::perm_options::add);
    Contender c;
    c.runner = "command";
    c.id = name;
    c.command = {path.string()};
    c.fingerprint = contender_fingerprint(c);
    return c;
  }

  Contender solves() { return script("solves", std::string(kStep) + "echo 42 > value.txt\n" + kDone); }
  Contender wrong() { return script("wrong", std::string(kStep) + "echo 43 > value.txt\n" + kDone); }

  Record run(std::vector<Contender> steps, EscalationRule rule = {}, bool carry = false) {
    route_.row.id = "route";
    route_.row.runner = kRouteRunner;
    route_.row.fingerprint = "fp";
    route_.steps = std::move(steps);
    route_.rule = std::move(rule);
    route_.carry = carry;
    return run_attempt(AttemptPlan{&task_, &route_.row, 0, &route_}, context_);
  }

  testing::ScratchDir scratch_;
  Task task_;
  Route route_;
  std::optional<BaseCache> bases_;
  SystemProcessRunner processes_;
  AttemptContext context_;
};

TEST_F(RouteAttemptTest, FailedCheckEscalatesAndTheRouteEndsOnThePassingStep) {
  Record r = run({wrong(), solves()});
  EXPECT_EQ(r.outcome, Outcome::kPass) << r.reason;
  EXPECT_EQ(r.attempt_id, "adder/route/r0");
  EXPECT_EQ(r.contender.id, "route");
  EXPECT_EQ(r.contender.runner, "route");
  ASSERT_TRUE(r.route.has_value());
  EXPECT_EQ(r.route->cascade, (std::vector<std::string>{"wrong", "solves"}));
  ASSERT_EQ(r.route->steps.size(), 2u);
  EXPECT_EQ(r.route->steps[0].escalated_on, "check_failed");
  EXPECT_EQ(r.route->steps[0].outcome, Outcome::kFail);
  EXPECT_EQ(r.route->steps[0].check->exit_code, 1);
  EXPECT_FALSE(r.route->steps[1].escalated_on.has_value());
  EXPECT_EQ(r.route->steps[1].contender.id, "solves");
  // Usage and cost are the sums over the steps: 2 x (100 + 10) tokens at $1 per 1000.
  EXPECT_EQ(r.usage.tokens.total(), 220);
  EXPECT_EQ(r.usage.steps, 2);
  ASSERT_TRUE(r.cost_usd.has_value());
  EXPECT_NEAR(*r.cost_usd, 0.22, 1e-12);
  EXPECT_NEAR(*r.wall_time_s, *r.route->steps[0].wall_time_s + *r.route->steps[1].wall_time_s,
              1e-9);
  EXPECT_EQ(r.route->steps[1].log_dir, "attempts/adder/route/r0/step1");
  EXPECT_TRUE(std::filesystem::exists(context_.campaign_dir / r.route->steps[0].log_dir /
                                      "check.log"));
}

TEST_F(RouteAttemptTest, VisiblePassDoesNotEscalate) {
  Record r = run({solves(), wrong()});
  EXPECT_EQ(r.outcome, Outcome::kPass);
  ASSERT_EQ(r.route->steps.size(), 1u);
  EXPECT_FALSE(r.route->steps[0].escalated_on.has_value());
}

TEST_F(RouteAttemptTest, GaveUpEscalates) {
  Record r = run({script("quits", "echo '{\"event\":\"final\",\"status\":\"gave_up\"}'\n"),
                  solves()});
  EXPECT_EQ(r.outcome, Outcome::kPass);
  ASSERT_EQ(r.route->steps.size(), 2u);
  EXPECT_EQ(r.route->steps[0].escalated_on, "gave_up");
}

TEST_F(RouteAttemptTest, AgentErrorEscalates) {
  Record r = run({script("crashes", "exit 3\n"), solves()});
  EXPECT_EQ(r.outcome, Outcome::kPass);
  ASSERT_EQ(r.route->steps.size(), 2u);
  EXPECT_EQ(r.route->steps[0].escalated_on, "agent_error");
}

TEST_F(RouteAttemptTest, OverBudgetEscalates) {
  Contender greedy = script("greedy", std::string(kStep) + kStep + kStep + "sleep 30\n");
  greedy.limits.max_steps = 1;
  Record r = run({greedy, solves()});
  EXPECT_EQ(r.outcome, Outcome::kPass);
  ASSERT_EQ(r.route->steps.size(), 2u);
  EXPECT_EQ(r.route->steps[0].escalated_on, "over_budget");
}

TEST_F(RouteAttemptTest, TheLastStepEndsTheRouteWhateverItShows) {
  Record r = run({wrong(), wrong()});
  EXPECT_EQ(r.outcome, Outcome::kFail);
  ASSERT_EQ(r.route->steps.size(), 2u);
  EXPECT_EQ(r.route->steps[0].escalated_on, "check_failed");
  EXPECT_NE(r.reason.find("step 2 of 2"), std::string::npos) << r.reason;
}

TEST_F(RouteAttemptTest, ATriggerOutsideTheRuleDoesNotEscalate) {
  auto rule = parse_escalation_rule({"check_failed"});
  ASSERT_TRUE(rule.ok());
  Record r = run({script("quits", "echo '{\"event\":\"final\",\"status\":\"gave_up\"}'\n"),
                  solves()},
                 *rule);
  EXPECT_EQ(r.outcome, Outcome::kAgentError);
  EXPECT_EQ(r.route->steps.size(), 1u);
  EXPECT_EQ(r.route->escalate_on, (std::vector<std::string>{"check_failed"}));
}

// Step 2 succeeds only when it finds step 1's file and a failure summary in its prompt.
constexpr const char* kNeedsCarry =
    "test -f notes.txt || exit 4\n"
    "grep -q 'did not succeed' \"$LANDED_PROMPT_FILE\" || exit 5\n"
    "grep -q 'hidden' \"$LANDED_PROMPT_FILE\" && exit 6\n"
    "echo 42 > value.txt\n";

TEST_F(RouteAttemptTest, CarryStartsTheNextStepFromThePatchWithAFailureSummary) {
  Contender first = script("notes", "echo started > notes.txt\necho 43 > value.txt\n" +
                                        std::string(kDone));
  Record r = run({first, script("finisher", std::string(kNeedsCarry) + kDone)}, {}, true);
  EXPECT_EQ(r.outcome, Outcome::kPass) << r.reason;
  EXPECT_TRUE(r.route->carry);
  // The final patch holds both steps' work.
  auto patch = read_file(context_.campaign_dir / r.patch.path);
  ASSERT_TRUE(patch.ok());
  EXPECT_NE(patch->find("notes.txt"), std::string::npos);
  auto prompt = read_file(context_.campaign_dir / r.route->steps[1].log_dir / "prompt.md");
  ASSERT_TRUE(prompt.ok());
  EXPECT_NE(prompt->find("grep -qx 42 value.txt"), std::string::npos) << *prompt;
}

TEST_F(RouteAttemptTest, WithoutCarryEveryStepStartsFromTheBase) {
  Contender first = script("notes", "echo started > notes.txt\necho 43 > value.txt\n" +
                                        std::string(kDone));
  Record r = run({first, script("finisher", std::string(kNeedsCarry) + kDone)});
  EXPECT_EQ(r.outcome, Outcome::kAgentError);  // the finisher found no notes.txt
  EXPECT_EQ(r.route->steps.size(), 2u);
}

TEST(FailureSummaryTest, SaysHowTheCheckEndedAndNeverMentionsHiddenTests) {
  Task task;
  task.check = CommandSpec{"make check", std::nullopt};
  Record step;
  step.contender.id = "cheap";
  step.outcome = Outcome::kFail;
  step.reason = "the hidden tests failed (exit status 1)";
  step.check = ProcessInfo{2, std::nullopt, false, {}, {}, "check.log"};
  const std::string summary = failure_summary(step, task, "FAILED test_x\n");
  EXPECT_NE(summary.find("`make check` exited with status 2"), std::string::npos) << summary;
  EXPECT_NE(summary.find("FAILED test_x"), std::string::npos);
  EXPECT_EQ(summary.find("hidden"), std::string::npos);
}

}  // namespace
}  // namespace landed
