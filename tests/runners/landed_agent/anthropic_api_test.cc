#include <gtest/gtest.h>

#include "runners/landed_agent/effort.h"
#include "runners/landed_agent/model_api.h"

namespace landed::agent {
namespace {

using nlohmann::json;

TEST(AnthropicApi, RequestCarriesSystemToolAndThinkingBudgetAboveMaxTokens) {
  auto api = make_anthropic_api();
  auto body = api->request({"claude-x", "medium", 4000, "be brief"}, api->start("fix it"));
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(api->path(), "/v1/messages");
  EXPECT_EQ((*body)["system"], "be brief");
  EXPECT_EQ((*body)["tools"][0]["name"], "shell");
  EXPECT_TRUE((*body)["tools"][0].contains("input_schema"));
  EXPECT_EQ((*body)["thinking"], json({{"type", "enabled"}, {"budget_tokens", 10000}}));
  EXPECT_EQ((*body)["max_tokens"], 14000);
}

TEST(AnthropicApi, NoEffortMeansNoThinking) {
  auto api = make_anthropic_api();
  auto body = api->request({"claude-x", std::nullopt, std::nullopt, "s"}, api->start("p"));
  ASSERT_TRUE(body.ok());
  EXPECT_FALSE(body->contains("thinking"));
  EXPECT_EQ((*body)["max_tokens"], 8192);
}

TEST(AnthropicApi, UnknownEffortIsAnErrorNamingIt) {
  auto api = make_anthropic_api();
  auto body = api->request({"claude-x", "turbo", std::nullopt, "s"}, api->start("p"));
  ASSERT_FALSE(body.ok());
  EXPECT_NE(body.error().message.find("turbo"), std::string::npos);
}

TEST(AnthropicApi, HeadersCarryVersionAndKeyOnlyWhenGiven) {
  auto api = make_anthropic_api();
  const Headers with_key = api->headers("sk-1");
  EXPECT_NE(std::find(with_key.begin(), with_key.end(),
                      std::make_pair(std::string("x-api-key"), std::string("sk-1"))),
            with_key.end());
  EXPECT_EQ(api->headers("").size(), 1u);
}

TEST(AnthropicApi, UsageKeepsInputCacheReadAndWriteApartAndReasoningUnknown) {
  const json response = {{"model", "claude-x"},
                         {"content", json::array()},
                         {"usage",
                          {{"input_tokens", 1200},
                           {"cache_read_input_tokens", 300},
                           {"cache_creation_input_tokens", 100},
                           {"output_tokens", 80}}}};
  auto reply = make_anthropic_api()->parse(response);
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(reply->usage.input_tokens, 1200);
  EXPECT_EQ(reply->usage.cache_read_tokens, 300);
  EXPECT_EQ(reply->usage.cache_write_tokens, 100);
  EXPECT_EQ(reply->usage.output_tokens, 80);
  EXPECT_EQ(reply->usage.reasoning_tokens, std::nullopt);
}

TEST(AnthropicApi, ToolUseIsReadAndResultsGoBackInOneUserMessage) {
  const json content = json::array(
      {{{"type", "thinking"}, {"thinking", "hmm"}, {"signature", "sig"}},
       {{"type", "tool_use"}, {"id", "toolu_1"}, {"name", "shell"}, {"input", {{"command", "ls"}}}},
       {{"type", "tool_use"},
        {"id", "toolu_2"},
        {"name", "shell"},
        {"input", {{"command", "pwd"}}}}});
  auto api = make_anthropic_api();
  auto reply = api->parse({{"content", content}});
  ASSERT_TRUE(reply.ok());
  ASSERT_EQ(reply->tool_calls.size(), 2u);
  EXPECT_EQ(json::parse(reply->tool_calls[0].arguments), json({{"command", "ls"}}));
  json history = api->start("p");
  api->append_reply(history, *reply);
  api->append_outputs(history, {{"toolu_1", "a"}, {"toolu_2", "b"}});
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[1]["content"], content);  // thinking blocks go back with their signature
  EXPECT_EQ(history[2]["role"], "user");
  EXPECT_EQ(history[2]["content"][1]["tool_use_id"], "toolu_2");
}

TEST(AnthropicThinkingBudget, MapsLevelsNumbersAndNone) {
  EXPECT_EQ(*anthropic_thinking_budget("low"), 4096);
  EXPECT_EQ(*anthropic_thinking_budget("high"), 24000);
  EXPECT_EQ(*anthropic_thinking_budget("5000"), 5000);
  EXPECT_EQ(*anthropic_thinking_budget("none"), std::nullopt);
  EXPECT_EQ(*anthropic_thinking_budget(std::nullopt), std::nullopt);
  EXPECT_FALSE(anthropic_thinking_budget("100").ok());
}

}  // namespace
}  // namespace landed::agent
