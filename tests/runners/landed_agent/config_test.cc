#include "runners/landed_agent/config.h"

#include <gtest/gtest.h>

#include <map>

namespace landed::agent {
namespace {

EnvLookup lookup(const std::map<std::string, std::string>& vars) {
  return [vars](const char* name) -> const char* {
    auto it = vars.find(name);
    return it == vars.end() ? nullptr : it->second.c_str();
  };
}

const std::map<std::string, std::string> kMinimal = {
    {"LANDED_AGENT_API", "anthropic"}, {"LANDED_MODEL", "claude-x"}, {"LANDED_PROMPT_FILE", "/p"}};

TEST(AgentConfig, DefaultsFollowEachApisConvention) {
  auto config = config_from_env(lookup(kMinimal));
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->api, ApiKind::kAnthropic);
  EXPECT_EQ(config->base_url, "https://api.anthropic.com");
  EXPECT_EQ(config->retry.retries, 4);
  EXPECT_EQ(config->retry.backoff, std::chrono::milliseconds(1000));
  EXPECT_EQ(default_base_url(ApiKind::kOpenAiChat), "https://api.openai.com/v1");
}

TEST(AgentConfig, ReadsLimitsAndAcceptsNumbersWrittenAsDecimals) {
  auto vars = kMinimal;
  vars["LANDED_AGENT_RETRIES"] = "2";
  vars["LANDED_AGENT_BACKOFF_MS"] = "10.0";
  vars["LANDED_AGENT_MAX_TURNS"] = "7";
  vars["LANDED_AGENT_COMMAND_TIMEOUT_S"] = "1.5";
  auto config = config_from_env(lookup(vars));
  ASSERT_TRUE(config.ok()) << config.error().message;
  EXPECT_EQ(config->retry.retries, 2);
  EXPECT_EQ(config->retry.backoff, std::chrono::milliseconds(10));
  EXPECT_EQ(config->max_turns, 7);
  EXPECT_EQ(config->command_timeout, std::chrono::milliseconds(1500));
}

TEST(AgentConfig, MissingOrBadSettingsAreErrorsNamingTheVariable) {
  auto no_api = kMinimal;
  no_api.erase("LANDED_AGENT_API");
  EXPECT_NE(config_from_env(lookup(no_api)).error().message.find("LANDED_AGENT_API"),
            std::string::npos);
  auto bad_api = kMinimal;
  bad_api["LANDED_AGENT_API"] = "cohere";
  EXPECT_NE(config_from_env(lookup(bad_api)).error().message.find("cohere"), std::string::npos);
  auto bad_turns = kMinimal;
  bad_turns["LANDED_AGENT_MAX_TURNS"] = "lots";
  EXPECT_NE(config_from_env(lookup(bad_turns)).error().message.find("LANDED_AGENT_MAX_TURNS"),
            std::string::npos);
}

TEST(SplitBaseUrl, SeparatesOriginFromPathPrefix) {
  auto openai = split_base_url("https://api.openai.com/v1/");
  ASSERT_TRUE(openai.ok());
  EXPECT_EQ(openai->origin, "https://api.openai.com");
  EXPECT_EQ(openai->prefix, "/v1");
  auto local = split_base_url("http://127.0.0.1:8080");
  ASSERT_TRUE(local.ok());
  EXPECT_EQ(local->origin, "http://127.0.0.1:8080");
  EXPECT_EQ(local->prefix, "");
  EXPECT_FALSE(split_base_url("127.0.0.1:8080").ok());
}

}  // namespace
}  // namespace landed::agent
