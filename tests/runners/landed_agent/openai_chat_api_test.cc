#include <gtest/gtest.h>

#include "runners/landed_agent/model_api.h"

namespace landed::agent {
namespace {

using nlohmann::json;

RequestSettings settings(std::optional<std::string> effort) {
  return {"gpt-x", std::move(effort), std::nullopt, "be brief"};
}

TEST(OpenAiChatApi, RequestCarriesSystemPromptShellToolAndReasoningEffort) {
  auto api = make_openai_chat_api();
  auto body = api->request(settings("high"), api->start("fix it"));
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(api->path(), "/chat/completions");
  EXPECT_EQ((*body)["model"], "gpt-x");
  EXPECT_EQ((*body)["messages"][0], json({{"role", "system"}, {"content", "be brief"}}));
  EXPECT_EQ((*body)["messages"][1], json({{"role", "user"}, {"content", "fix it"}}));
  EXPECT_EQ((*body)["tools"][0]["function"]["name"], "shell");
  EXPECT_EQ((*body)["reasoning_effort"], "high");
}

TEST(OpenAiChatApi, NoEffortSendsNoReasoningSetting) {
  auto api = make_openai_chat_api();
  auto body = api->request(settings(std::nullopt), api->start("p"));
  ASSERT_TRUE(body.ok());
  EXPECT_FALSE(body->contains("reasoning_effort"));
}

TEST(OpenAiChatApi, UsageSubtractsCachedTokensFromPromptAndKeepsReasoningInOutput) {
  const json response = {{"model", "gpt-x-2025"},
                         {"choices", {{{"message", {{"role", "assistant"}, {"content", "done"}}}}}},
                         {"usage",
                          {{"prompt_tokens", 1500},
                           {"completion_tokens", 80},
                           {"prompt_tokens_details", {{"cached_tokens", 300}}},
                           {"completion_tokens_details", {{"reasoning_tokens", 20}}}}}};
  auto reply = make_openai_chat_api()->parse(response);
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(reply->usage.input_tokens, 1200);
  EXPECT_EQ(reply->usage.cache_read_tokens, 300);
  EXPECT_EQ(reply->usage.cache_write_tokens, 0);  // known-zero: OpenAI bills no cache writes
  EXPECT_EQ(reply->usage.output_tokens, 80);
  EXPECT_EQ(reply->usage.reasoning_tokens, 20);
  EXPECT_EQ(reply->text, "done");
  EXPECT_EQ(reply->model, "gpt-x-2025");
  EXPECT_TRUE(reply->tool_calls.empty());
}

TEST(OpenAiChatApi, MissingUsageStaysUnknown) {
  const json response = {{"choices", {{{"message", {{"content", "x"}}}}}}};
  auto reply = make_openai_chat_api()->parse(response);
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(reply->usage, TokenUsage{});
}

TEST(OpenAiChatApi, ToolCallsAreReadAndOutputsGoBackAsToolMessages) {
  const json message = {
      {"role", "assistant"},
      {"content", nullptr},
      {"tool_calls",
       {{{"id", "call_1"},
         {"type", "function"},
         {"function", {{"name", "shell"}, {"arguments", "{\"command\":\"ls\"}"}}}}}}};
  auto api = make_openai_chat_api();
  auto reply = api->parse({{"choices", {{{"message", message}}}}});
  ASSERT_TRUE(reply.ok());
  ASSERT_EQ(reply->tool_calls.size(), 1u);
  EXPECT_EQ(reply->tool_calls[0].id, "call_1");
  EXPECT_EQ(reply->tool_calls[0].arguments, "{\"command\":\"ls\"}");
  json history = api->start("p");
  api->append_reply(history, *reply);
  api->append_outputs(history, {{"call_1", "exit status 0\n"}});
  ASSERT_EQ(history.size(), 3u);
  EXPECT_EQ(history[1], message);
  EXPECT_EQ(history[2]["role"], "tool");
  EXPECT_EQ(history[2]["tool_call_id"], "call_1");
}

TEST(OpenAiChatApi, ResponseWithoutChoicesIsAnError) {
  EXPECT_FALSE(make_openai_chat_api()->parse({{"id", "x"}}).ok());
  EXPECT_FALSE(make_openai_chat_api()->parse(json::parse("[1]")).ok());
}

TEST(ApiErrorMessage, ReadsTheProvidersMessageElseShowsTheBody) {
  EXPECT_EQ(api_error_message(R"({"error":{"message":"bad key","type":"x"}})"), "bad key");
  EXPECT_EQ(api_error_message(R"({"type":"error","error":{"type":"x","message":"slow"}})"), "slow");
  EXPECT_EQ(api_error_message("Bad Gateway"), "Bad Gateway");
}

}  // namespace
}  // namespace landed::agent
