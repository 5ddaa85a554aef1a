#include "runners/gemini_cli_parser.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "runners/agent_cli_support.h"
#include "runners/gemini_cli_runner.h"

namespace landed {
namespace {

ProcessResult exited(int code) {
  ProcessResult p;
  p.exit_code = code;
  return p;
}

/// Feeds a recorded output (tests/fixtures/agent_outputs/gemini_cli/NAME) line by line.
AgentResult parse_fixture(const std::string& name, ProcessResult process,
                          std::vector<Usage>* live = nullptr) {
  std::ifstream in(std::string(LANDED_SOURCE_DIR) + "/tests/fixtures/agent_outputs/gemini_cli/" +
                   name);
  EXPECT_TRUE(in.good()) << name;
  GeminiCliParser parser("gemini-2.5-flash");
  std::string line;
  while (std::getline(in, line)) {
    parser.on_line(line);
    if (live) live->push_back(parser.usage());
  }
  return parser.finish(process);
}

TEST(GeminiCliParser, NormalRunNormalizesPromptCachedAndThoughts) {
  std::vector<Usage> live;
  auto result = parse_fixture("normal_run.jsonl", exited(0), &live);
  EXPECT_EQ(result.status, AgentStatus::kDone) << result.reason;
  // Scripted: (input, cache_read, output, reasoning) = (1200, 300, 80, 20) + (1500, 1400, 30, 5).
  EXPECT_EQ(result.usage.tokens.input_tokens, 2700);
  EXPECT_EQ(result.usage.tokens.cache_read_tokens, 1700);
  EXPECT_EQ(result.usage.tokens.cache_write_tokens, 0);
  EXPECT_EQ(result.usage.tokens.output_tokens, 110);
  EXPECT_EQ(result.usage.tokens.reasoning_tokens, 25);
  EXPECT_EQ(result.usage.steps, 2);
  EXPECT_EQ(result.usage.tool_calls, 1);
  ASSERT_EQ(result.usage.by_model.size(), 1u);
  EXPECT_EQ(result.usage.by_model[0].model, "gemini-2.5-flash");
  EXPECT_EQ(result.usage.by_model[0].steps, 2);
  EXPECT_EQ(result.model_reported, "gemini-2.5-flash");
  // Steps are live: the first model call counts before the result event arrives.
  ASSERT_GE(live.size(), 4u);
  EXPECT_EQ(live[2].steps, 1);
  EXPECT_EQ(live[3].tool_calls, 1);
}

TEST(GeminiCliParser, FailedToolCallIsStillADoneRun) {
  auto result = parse_fixture("tool_error.jsonl", exited(0));
  EXPECT_EQ(result.status, AgentStatus::kDone);
  EXPECT_EQ(result.usage.tokens.input_tokens, 1900);
  EXPECT_EQ(result.usage.tokens.cache_read_tokens, 800);
  EXPECT_EQ(result.usage.tokens.output_tokens, 60);
  EXPECT_EQ(result.usage.tokens.reasoning_tokens, 10);
  EXPECT_EQ(result.usage.steps, 2);
}

TEST(GeminiCliParser, TurnLimitIsAnAgentErrorThatKeepsUsage) {
  auto result = parse_fixture("max_turns.jsonl", exited(kGeminiExitTurnLimit));
  EXPECT_EQ(result.status, AgentStatus::kError);
  EXPECT_NE(result.reason.find("turn limit"), std::string::npos) << result.reason;
  EXPECT_EQ(result.usage.tokens.input_tokens, 20);
  EXPECT_EQ(result.usage.tokens.output_tokens, 10);
  EXPECT_EQ(result.usage.steps, 2);
  EXPECT_EQ(result.usage.tool_calls, 2);
}

TEST(GeminiCliParser, BadRequestIsAnAgentErrorWithTheApisMessage) {
  auto result = parse_fixture("api_error_400.jsonl", exited(400 % 256));
  EXPECT_EQ(result.status, AgentStatus::kError);
  EXPECT_NE(result.reason.find("no such model: fake-model"), std::string::npos) << result.reason;
  EXPECT_EQ(result.usage.steps, 0);
}

TEST(GeminiCliParser, RateLimitedToTheEndIsProviderUnavailable) {
  auto result = parse_fixture("rate_limited.jsonl", exited(429 % 256));
  EXPECT_EQ(result.status, AgentStatus::kInfraError);
  EXPECT_EQ(result.reason.rfind("provider unavailable", 0), 0u) << result.reason;
  EXPECT_NE(result.reason.find("Resource has been exhausted"), std::string::npos);
}

TEST(GeminiCliParser, EmptyOutputIsAnErrorWithNullUsage) {
  auto result = parse_fixture("empty.jsonl", exited(1));
  EXPECT_EQ(result.status, AgentStatus::kError);
  EXPECT_NE(result.reason.find("without a result event"), std::string::npos);
  EXPECT_FALSE(result.usage.tokens.input_tokens.has_value());
  EXPECT_FALSE(result.usage.steps.has_value());
}

TEST(GeminiCliParser, TruncatedOutputKeepsLiveStepsButNoTokens) {
  auto result = parse_fixture("truncated.jsonl", ProcessResult{std::nullopt, 9});
  EXPECT_EQ(result.status, AgentStatus::kError);
  EXPECT_NE(result.reason.find("signal 9"), std::string::npos) << result.reason;
  EXPECT_EQ(result.usage.steps, 1);
  EXPECT_FALSE(result.usage.tokens.output_tokens.has_value());
}

TEST(GeminiCliParser, GarbageIsCountedAndIgnored) {
  auto result = parse_fixture("garbage.jsonl", exited(0));
  EXPECT_EQ(result.status, AgentStatus::kError);
  EXPECT_NE(result.reason.find("5 unreadable lines"), std::string::npos) << result.reason;
}

TEST(GeminiCliParser, SuccessWithANonZeroExitIsAnError) {
  GeminiCliParser parser("m");
  parser.on_line(R"({"type":"result","status":"success","stats":{"models":{}}})");
  EXPECT_EQ(parser.finish(exited(1)).status, AgentStatus::kError);
}

TEST(GeminiCliParser, MissingStatsFieldsStayNullAndSideModelsHaveNoSteps) {
  GeminiCliParser parser("main");
  parser.on_line(R"({"type":"init","model":"main"})");
  parser.on_line(R"({"type":"message","role":"assistant","content":"x","delta":true})");
  parser.on_line(R"({"type":"result","status":"success","stats":{"models":{
      "main":{"input_tokens":10,"output_tokens":4},
      "side":{"total_tokens":9,"input_tokens":6,"output_tokens":3,"cached":0,"unknown":1}}}})");
  auto result = parser.finish(exited(0));
  ASSERT_EQ(result.usage.by_model.size(), 2u);
  const ModelUsage& main = result.usage.by_model[0];
  EXPECT_EQ(main.steps, 1);
  EXPECT_FALSE(main.tokens.input_tokens.has_value());  // no `cached`: uncached unknown
  EXPECT_EQ(main.tokens.output_tokens, 4);
  EXPECT_FALSE(main.tokens.reasoning_tokens.has_value());
  const ModelUsage& side = result.usage.by_model[1];
  EXPECT_FALSE(side.steps.has_value());
  EXPECT_EQ(side.tokens.input_tokens, 6);
  EXPECT_EQ(side.tokens.reasoning_tokens, 0);
  EXPECT_FALSE(result.usage.tool_calls.has_value());
}

TEST(GeminiCliRunner, EffortBecomesTheModelsThinkingSetting) {
  EXPECT_EQ(*gemini_thinking_config("gemini-2.5-pro", "low"), nlohmann::json({{"thinkingBudget", 1024}}));
  EXPECT_EQ(*gemini_thinking_config("gemini-2.5-flash", "none"), nlohmann::json({{"thinkingBudget", 0}}));
  EXPECT_EQ(*gemini_thinking_config("gemini-2.5-flash", "2048"), nlohmann::json({{"thinkingBudget", 2048}}));
  EXPECT_EQ(*gemini_thinking_config("gemini-3-pro-preview", "high"),
            nlohmann::json({{"thinkingLevel", "HIGH"}}));
  EXPECT_FALSE(gemini_thinking_config("gemini-3-pro-preview", "turbo").ok());
  EXPECT_FALSE(gemini_thinking_config("gemini-2.5-pro", "turbo").ok());
}

TEST(GeminiCliRunner, SettingsMatchTheContendersModel) {
  Contender c;
  c.id = "g";
  c.model = "gemini-2.5-pro";
  c.effort = "medium";
  c.options["max_turns"] = "7";
  auto settings = gemini_settings(c);
  ASSERT_TRUE(settings.ok());
  EXPECT_EQ((*settings)["model"]["maxSessionTurns"], 7);
  const auto& override_ = (*settings)["modelConfigs"]["customOverrides"][0];
  EXPECT_EQ(override_["match"]["model"], "gemini-2.5-pro");
  EXPECT_EQ(override_["modelConfig"]["generateContentConfig"]["thinkingConfig"]["thinkingBudget"], 8192);
  EXPECT_EQ((*settings)["security"]["auth"]["selectedType"], "gemini-api-key");
}

TEST(CliToolSupport, ProviderUnavailableMessages) {
  EXPECT_TRUE(provider_unavailable_message(R"([API Error: {"error":{"code":503,"message":"x"}}])"));
  EXPECT_TRUE(provider_unavailable_message("TypeError: fetch failed (ECONNREFUSED)"));
  EXPECT_TRUE(provider_unavailable_message("Rate limit reached"));
  EXPECT_FALSE(provider_unavailable_message(R"({"error":{"code":400,"message":"no such model"}})"));
  EXPECT_FALSE(provider_unavailable_message("tests failed"));
}

}  // namespace
}  // namespace landed
