// The config keys of nightly runs: [run.providers], a contender's provider, [run] reuse, and
// the tool version that goes into a contender's fingerprint.
#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "harness/campaign/config.h"
#include "tests/test_support.h"

namespace landed {
namespace {

class NightlyConfigTest : public ::testing::Test {
 protected:
  Result<CampaignConfig> load(const std::string& text) {
    const auto path = dir_.path() / "config.toml";
    EXPECT_TRUE(write_file(path, text).ok());
    return load_config(path);
  }
  testing::ScratchDir dir_;
};

TEST_F(NightlyConfigTest, ReadsProviderLimitsAndDerivesProviders) {
  auto config = load(R"(
[run]
reuse = ["../last-night"]
[run.providers]
anthropic = 4
sim = 1
[[contender]]
runner = "sim"
model = "sim-budget"
[[contender]]
runner = "command"
command = ["/bin/true"]
model = "claude-sonnet-4-5"
[[contender]]
name = "routed"
runner = "command"
command = ["/bin/true"]
model = "claude-sonnet-4-5"
provider = "bedrock"
)");
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->provider_limits, (std::map<std::string, int>{{"anthropic", 4}, {"sim", 1}}));
  EXPECT_EQ(config->contenders[0].provider, "sim");
  EXPECT_EQ(config->contenders[1].provider, "anthropic");
  EXPECT_EQ(config->contenders[2].provider, "bedrock");
  ASSERT_EQ(config->reuse.size(), 1u);
  EXPECT_EQ(config->reuse[0], dir_.path() / "../last-night");
}

TEST_F(NightlyConfigTest, RejectsANonPositiveProviderLimit) {
  auto config = load("[run.providers]\nanthropic = 0\n[[contender]]\nrunner = \"noop\"\n");
  EXPECT_FALSE(config.ok());
}

TEST_F(NightlyConfigTest, TheAgentScriptsContentIsPartOfTheFingerprint) {
  const auto script = dir_.path() / "agent.sh";
  ASSERT_TRUE(write_file(script, "#!/bin/sh\necho v1\n").ok());
  const std::string text = "[[contender]]\nrunner = \"command\"\ncommand = [\"/bin/sh\", \"" +
                           script.string() + "\"]\n";
  auto first = load(text);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_TRUE(first->contenders[0].tool_version.has_value());
  auto same = load(text);
  EXPECT_EQ(same->contenders[0].fingerprint, first->contenders[0].fingerprint);
  ASSERT_TRUE(write_file(script, "#!/bin/sh\necho v2\n").ok());
  auto changed = load(text);
  EXPECT_NE(changed->contenders[0].fingerprint, first->contenders[0].fingerprint);
}

TEST_F(NightlyConfigTest, BuiltInRunnersKeepTheirFingerprintWithoutAToolVersion) {
  auto config = load("[[contender]]\nrunner = \"sim\"\nmodel = \"sim-budget\"\n");
  ASSERT_TRUE(config.ok());
  EXPECT_FALSE(config->contenders[0].tool_version.has_value());
}

}  // namespace
}  // namespace landed
