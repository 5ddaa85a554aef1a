// The attempt pipeline end to end, with real git sandboxes and real processes.
#include "harness/campaign/attempt.h"

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "tests/harness/task/task_fixture.h"
#include "tests/test_support.h"

namespace landed {
namespace {

using testing::put;

class AttemptTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto dir = scratch_ / "suite" / "adder";
    put(dir / "task.toml", "difficulty = \"easy\"\n[verify]\ncommand = \"sh hidden.sh\"\n"
                           "timeout_s = 20\n[check]\ncommand = \"test -f value.txt\"\n");
    put(dir / "prompt.md", "Make value.txt say 42.\n");
    put(dir / "workspace/value.txt", "41\n");
    put(dir / "workspace/.gitignore", "build/\n");
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
  }

  Contender contender(const std::string& runner, std::vector<std::string> command = {}) {
    Contender c;
    c.runner = runner;
    c.id = runner;
    c.command = std::move(command);
    c.fingerprint = contender_fingerprint(c);
    return c;
  }

  Contender script(const std::string& body) {
    const auto path = scratch_ / ("agent" + std::to_string(++scripts_) + ".sh");
    put(path, "#!/bin/sh\n" + body);
    std::filesystem::permissions(path, std::filesystem::perms::owner_exec,
                                 std::filesystem::perm_options::add);
    return contender("command", {path.string()});
  }

  Record run(const Contender& c) { return run_attempt(AttemptPlan{&task_, &c, 0}, context_); }

  testing::ScratchDir scratch_;
  Task task_;
  std::optional<BaseCache> bases_;
  SystemProcessRunner processes_;
  AttemptContext context_;
  int scripts_ = 0;
};

constexpr const char* kDone = "echo '{\"event\":\"final\",\"status\":\"done\"}'\n";

TEST_F(AttemptTest, OraclePassesWithEveryPhaseTimed) {
  Record r = run(contender("oracle"));
  EXPECT_EQ(r.outcome, Outcome::kPass) << r.reason;
  EXPECT_EQ(r.attempt_id, "adder/oracle/r0");
  EXPECT_EQ(r.task_digest, task_.digest);
  EXPECT_EQ(r.task_difficulty, "easy");
  ASSERT_TRUE(r.verify.has_value());
  EXPECT_EQ(r.verify->exit_code, 0);
  ASSERT_TRUE(r.check.has_value());
  EXPECT_EQ(r.check->exit_code, 0);
  EXPECT_TRUE(r.timing.sandbox_s && r.timing.agent_s && r.timing.verify_s && r.timing.check_s);
  EXPECT_EQ(r.patch.files_changed, 1);
  EXPECT_TRUE(std::filesystem::exists(context_.campaign_dir / r.patch.path));
  EXPECT_FALSE(r.usage.steps.has_value());  // no model: unknown, not zero
}

TEST_F(AttemptTest, NoopFailsOnTheHiddenTests) {
  Record r = run(contender("noop"));
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_NE(r.reason.find("exit status 1"), std::string::npos) << r.reason;
  EXPECT_TRUE(r.patch.path.empty());
  EXPECT_EQ(r.patch.files_changed, 0);
}

TEST_F(AttemptTest, VerifySandboxOverwritesAgentEditsToHiddenTests) {
  Record r = run(script("echo 'exit 0' > hidden.sh\n" + std::string(kDone)));
  EXPECT_EQ(r.outcome, Outcome::kFail) << r.reason;
  EXPECT_EQ(r.patch.hidden_test_edits, std::vector<std::string>{"hidden.sh"});
  EXPECT_NE(r.reason.find("hidden-test"), std::string::npos);
}

TEST_F(AttemptTest, AgentThatDeletesGitStillGetsItsWorkVerified) {
  Record r = run(script("echo 42 > value.txt\nrm -rf .git\n" + std::string(kDone)));
  EXPECT_EQ(r.outcome, Outcome::kPass) << r.reason;
}

TEST_F(AttemptTest, AgentThatCommitsItsWorkIsStillDiffedAgainstTheBase) {
  Record r = run(script("echo 42 > value.txt\ngit add -A && git commit -qm fix\n" +
                        std::string(kDone)));
  EXPECT_EQ(r.outcome, Outcome::kPass) << r.reason;
  EXPECT_EQ(r.patch.files_changed, 1);
}

TEST_F(AttemptTest, CrashingAgentIsAnAgentErrorAndVerifyDoesNotRun) {
  Record r = run(script("echo 42 > value.txt\nexit 7\n"));
  EXPECT_EQ(r.outcome, Outcome::kAgentError);
  EXPECT_FALSE(r.verify.has_value());
  EXPECT_EQ(r.agent.process.exit_code, 7);
  EXPECT_EQ(r.patch.files_changed, 1);  // its work is still kept for inspection
}

TEST_F(AttemptTest, HangingAgentTimesOut) {
  Contender c = script("sleep 60\n");
  c.limits.wall_time_s = 0.3;
  Record r = run(c);
  EXPECT_EQ(r.outcome, Outcome::kTimeout);
  EXPECT_EQ(r.agent.limit_hit, "wall_time");
  EXPECT_LT(*r.timing.agent_s, 30);
}

TEST_F(AttemptTest, AgentOverItsStepLimitIsOverBudget) {
  Contender c = script(
      "for i in 1 2 3 4 5; do echo '{\"event\":\"step\",\"input_tokens\":10}'; done\n"
      "sleep 30\n");
  c.limits.max_steps = 2;
  Record r = run(c);
  EXPECT_EQ(r.outcome, Outcome::kOverBudget);
  EXPECT_EQ(r.agent.limit_hit, "steps");
  EXPECT_EQ(r.usage.steps, 3);
}

TEST_F(AttemptTest, AgentOverItsTokenLimitIsOverBudget) {
  Contender c = script("echo '{\"event\":\"step\",\"input_tokens\":500,\"output_tokens\":600}'\n"
                       "sleep 30\n");
  c.limits.max_tokens = 1000;
  Record r = run(c);
  EXPECT_EQ(r.outcome, Outcome::kOverBudget);
  EXPECT_EQ(r.agent.limit_hit, "tokens");
}

TEST_F(AttemptTest, AgentOverItsDollarLimitIsOverBudget) {
  Contender c = script("echo '{\"event\":\"step\",\"input_tokens\":500}'\nsleep 30\n");
  c.limits.max_usd = 0.01;
  context_.price_usage = [](const Usage& u) -> Dollars {
    return u.tokens.input_tokens.value_or(0) * 0.001;
  };
  Record r = run(c);
  EXPECT_EQ(r.outcome, Outcome::kOverBudget);
  EXPECT_EQ(r.agent.limit_hit, "usd");
}

TEST_F(AttemptTest, HiddenTestsThatHangAreAFailNotAnInfraError) {
  put(task_.tests_dir / "hidden.sh", "sleep 60\n");
  task_.verify.timeout_s = 1;
  Record r = run(contender("oracle"));
  EXPECT_EQ(r.outcome, Outcome::kFail);
  EXPECT_NE(r.reason.find("timed out"), std::string::npos);
}

TEST_F(AttemptTest, MissingWorkspaceIsAnInfraError) {
  task_.workspace_dir = scratch_ / "nowhere";
  task_.digest = "different-digest";
  Record r = run(contender("oracle"));
  EXPECT_EQ(r.outcome, Outcome::kInfraError);
  EXPECT_FALSE(r.reason.empty());
}

TEST_F(AttemptTest, OversizedPatchIsAnAgentError) {
  context_.max_patch_bytes = 100;
  Record r = run(script("head -c 5000 /dev/zero | tr '\\0' 'x' > big.txt\n" + std::string(kDone)));
  EXPECT_EQ(r.outcome, Outcome::kAgentError);
  EXPECT_NE(r.reason.find("over the cap"), std::string::npos);
}

TEST_F(AttemptTest, OversizedPatchIsSavedCutAndMarkedTruncated) {
  context_.max_patch_bytes = 100;
  Record r = run(script("head -c 5000 /dev/zero | tr '\\0' 'x' > big.txt\n" + std::string(kDone)));
  ASSERT_FALSE(r.patch.path.empty());
  EXPECT_TRUE(r.patch.truncated);
  auto saved = read_file(context_.campaign_dir / r.patch.path);
  ASSERT_TRUE(saved.ok());
  EXPECT_LT(saved->size(), 400u);  // the first 100 bytes and the closing line, not 5000 x's
  EXPECT_NE(saved->find("[landed: patch truncated"), std::string::npos);
}

TEST_F(AttemptTest, SandboxesAreRemovedUnlessKept) {
  run(contender("oracle"));
  EXPECT_TRUE(!std::filesystem::exists(context_.work_root) ||
              std::filesystem::is_empty(context_.work_root));
  context_.keep_sandboxes = true;
  run(contender("noop"));
  EXPECT_FALSE(std::filesystem::is_empty(context_.work_root));
}

TEST_F(AttemptTest, UnknownRunnerIsAnInfraError) {
  Record r = run(contender("no-such-runner"));
  EXPECT_EQ(r.outcome, Outcome::kInfraError);
  EXPECT_NE(r.reason.find("unknown runner"), std::string::npos);
}

}  // namespace
}  // namespace landed
