#include "runners/landed_agent_runner.h"

#include <gtest/gtest.h>

#include "runners/registry.h"

namespace landed {
namespace {

TEST(LandedAgentRunner, IsRegisteredUnderItsName) { EXPECT_TRUE(is_known_runner("landed-agent")); }

TEST(LandedAgentRunner, OptionsBecomeAgentVariables) {
  auto env = landed_agent_option_environment(
      {{"api", "anthropic"}, {"base_url", "http://127.0.0.1:9/"}, {"backoff_ms", "10"}});
  ASSERT_TRUE(env.ok());
  EXPECT_EQ(*env,
            (std::vector<std::string>{"LANDED_AGENT_API=anthropic", "LANDED_AGENT_BACKOFF_MS=10",
                                      "LANDED_AGENT_BASE_URL=http://127.0.0.1:9/"}));
}

TEST(LandedAgentRunner, UnknownOptionIsAnErrorListingTheKnownOnes) {
  auto env = landed_agent_option_environment({{"temperature", "0"}});
  ASSERT_FALSE(env.ok());
  EXPECT_NE(env.error().message.find("temperature"), std::string::npos);
  EXPECT_NE(env.error().message.find("base_url"), std::string::npos);
}

}  // namespace
}  // namespace landed
