#include "harness/campaign/secret_scrub.h"

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "tests/test_support.h"

namespace landed {
namespace {

const std::string kSecret = "sk-scrub-0123456789";

TEST(SecretScrub, EveryAgentSuppliedStringOfTheRecordIsScrubbed) {
  Record r;
  r.reason = "the agent said " + kSecret;
  r.agent.model_reported = "model-" + kSecret;
  r.unpriced_models = {"model-" + kSecret};
  r.usage.add_step("model-" + kSecret, TokenUsage{});
  r.patch.hidden_test_edits = {"tests/" + kSecret + ".py"};
  RouteInfo route;
  RouteStepInfo step;
  step.reason = kSecret;
  step.usage.add_step(kSecret, TokenUsage{});
  route.steps.push_back(step);
  r.route = route;
  scrub_record(r, {kSecret});
  EXPECT_EQ(r.reason, "the agent said [redacted]");
  EXPECT_EQ(*r.agent.model_reported, "model-[redacted]");
  EXPECT_EQ(r.unpriced_models[0], "model-[redacted]");
  EXPECT_EQ(r.usage.by_model[0].model, "model-[redacted]");
  EXPECT_EQ(r.patch.hidden_test_edits[0], "tests/[redacted].py");
  EXPECT_EQ(r.route->steps[0].reason, "[redacted]");
  EXPECT_EQ(r.route->steps[0].usage.by_model[0].model, "[redacted]");
}

TEST(SecretScrub, EveryFileOfTheAttemptFolderIsRewrittenButLinksAreNotFollowed) {
  testing::ScratchDir scratch;
  const auto dir = scratch / "attempt";
  ASSERT_TRUE(make_directories(dir / "step1").ok());
  ASSERT_TRUE(write_file(dir / "patch.diff", "+" + kSecret + "\n").ok());
  ASSERT_TRUE(write_file(dir / "step1" / "verify.log", kSecret).ok());
  ASSERT_TRUE(write_file(scratch / "outside.txt", kSecret).ok());
  std::filesystem::create_symlink(scratch / "outside.txt", dir / "check.log");
  scrub_folder(dir, {kSecret});
  EXPECT_EQ(*read_file(dir / "patch.diff"), "+[redacted]\n");
  EXPECT_EQ(*read_file(dir / "step1" / "verify.log"), "[redacted]");
  EXPECT_EQ(*read_file(scratch / "outside.txt"), kSecret);
}

TEST(SecretScrub, ShortEnvFromValuesAreRefusedNamingTheVariable) {
  CampaignConfig config;
  Contender c;
  c.id = "agent";
  c.env_from = {{"API_KEY", "LANDED_SCRUB_TEST_SHORT"}};
  config.contenders.push_back(c);
  ::setenv("LANDED_SCRUB_TEST_SHORT", "short", 1);
  Status checked = check_secret_lengths(config);
  ASSERT_FALSE(checked.ok());
  EXPECT_NE(checked.error().message.find("LANDED_SCRUB_TEST_SHORT"), std::string::npos);
  ::setenv("LANDED_SCRUB_TEST_SHORT", "long-enough-value", 1);
  EXPECT_TRUE(check_secret_lengths(config).ok());
  EXPECT_EQ(campaign_secrets(config), std::vector<std::string>{"long-enough-value"});
  ::unsetenv("LANDED_SCRUB_TEST_SHORT");
}

}  // namespace
}  // namespace landed
