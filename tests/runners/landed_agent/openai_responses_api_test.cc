#include <gtest/gtest.h>

#include "runners/landed_agent/model_api.h"

namespace landed::agent {
namespace {

using nlohmann::json;

TEST(OpenAiResponsesApi, RequestCarriesInstructionsInputToolAndReasoningEffort) {
  auto api = make_openai_responses_api();
  auto body = api->request({"gpt-x", "low", 2048, "be brief"}, api->start("fix it"));
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(api->path(), "/responses");
  EXPECT_EQ((*body)["instructions"], "be brief");
  EXPECT_EQ((*body)["input"][0], json({{"role", "user"}, {"content", "fix it"}}));
  EXPECT_EQ((*body)["tools"][0]["type"], "function");
  EXPECT_EQ((*body)["tools"][0]["name"], "shell");
  EXPECT_EQ((*body)["tools"][0]["parameters"]["required"], json::array({"command"}));
  EXPECT_EQ((*body)["reasoning"], json({{"effort", "low"}}));
  EXPECT_EQ((*body)["max_output_tokens"], 2048);
}

TEST(OpenAiResponsesApi, UsageSubtractsCachedTokensFromInput) {
  const json response = {{"model", "gpt-x"},
                         {"output", json::array()},
                         {"usage",
                          {{"input_tokens", 1600},
                           {"input_tokens_details", {{"cached_tokens", 300}}},
                           {"output_tokens", 80},
                           {"output_tokens_details", {{"reasoning_tokens", 20}}}}}};
  auto reply = make_openai_responses_api()->parse(response);
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(reply->usage.input_tokens, 1300);
  EXPECT_EQ(reply->usage.cache_read_tokens, 300);
  EXPECT_EQ(reply->usage.cache_write_tokens, 0);  // known-zero: OpenAI bills no cache writes
  EXPECT_EQ(reply->usage.output_tokens, 80);
  EXPECT_EQ(reply->usage.reasoning_tokens, 20);
}

TEST(OpenAiResponsesApi, FunctionCallsAndTextAreReadAndItemsGoBackVerbatim) {
  const json output = json::array(
      {{{"type", "reasoning"}, {"id", "rs_1"}, {"summary", json::array()}},
       {{"type", "message"}, {"content", {{{"type", "output_text"}, {"text", "Let me look."}}}}},
       {{"type", "function_call"},
        {"id", "fc_1"},
        {"call_id", "call_1"},
        {"name", "shell"},
        {"arguments", "{\"command\":\"ls\"}"}}});
  auto api = make_openai_responses_api();
  auto reply = api->parse({{"output", output}});
  ASSERT_TRUE(reply.ok());
  EXPECT_EQ(reply->text, "Let me look.");
  ASSERT_EQ(reply->tool_calls.size(), 1u);
  EXPECT_EQ(reply->tool_calls[0].id, "call_1");
  json history = api->start("p");
  api->append_reply(history, *reply);
  api->append_outputs(history, {{"call_1", "exit status 0\n"}});
  ASSERT_EQ(history.size(), 5u);
  EXPECT_EQ(history[1], output[0]);
  EXPECT_EQ(history[4], json({{"type", "function_call_output"},
                              {"call_id", "call_1"},
                              {"output", "exit status 0\n"}}));
}

TEST(OpenAiResponsesApi, ResponseWithoutOutputIsAnError) {
  EXPECT_FALSE(make_openai_responses_api()->parse({{"id", "resp"}}).ok());
}

}  // namespace
}  // namespace landed::agent
