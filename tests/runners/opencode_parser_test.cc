#include "runners/opencode_parser.h"

#include <gtest/gtest.h>

#include <fstream>

#include "runners/opencode_runner.h"

namespace landed {
namespace {

ProcessResult exited(int code) {
  ProcessResult p;
  p.exit_code = code;
  return p;
}

/// Feeds a recorded output (tests/fixtures/agent_outputs/opencode/NAME) line by line.
AgentResult parse_fixture(const std::string& name, ProcessResult process,
                          std::vector<Usage>* live = nullptr) {
  std::ifstream in(std::string(LANDED_SOURCE_DIR) + "/tests/fixtures/agent_outputs/opencode/" + name);
  EXPECT_TRUE(in.good()) << name;
  OpencodeParser parser("fake/fake-model");
  std::string line;
  while (std::getline(in, line)) {
    parser.on_line(line);
    if (live) live->push_back(parser.usage());
  }
  return parser.finish(process);
}

TEST(OpencodeParser, NormalRunSumsStepsWithReasoningAddedToOutput) {
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
  EXPECT_EQ(result.usage.cost_usd_reported, 0.0);
  ASSERT_EQ(result.usage.by_model.size(), 1u);
  EXPECT_EQ(result.usage.by_model[0].model, "fake/fake-model");
  // Usage is live: the first step's tokens count as soon as its step_finish line is read.
  bool saw_one_step = false;
  for (const Usage& u : live)
    if (u.steps == 1) saw_one_step = saw_one_step || u.tokens.input_tokens == 1200;
  EXPECT_TRUE(saw_one_step);
}

TEST(OpencodeParser, FailedToolCallIsStillADoneRunAndSaysSo) {
  auto result = parse_fixture("tool_error.jsonl", exited(0));
  EXPECT_EQ(result.status, AgentStatus::kDone);
  EXPECT_NE(result.reason.find("1 tool calls failed"), std::string::npos) << result.reason;
  EXPECT_EQ(result.usage.tokens.input_tokens, 1900);
  EXPECT_EQ(result.usage.tokens.cache_read_tokens, 800);
  EXPECT_EQ(result.usage.tokens.output_tokens, 60);
  EXPECT_EQ(result.usage.tokens.reasoning_tokens, 10);
  EXPECT_EQ(result.usage.steps, 2);
  EXPECT_EQ(result.usage.tool_calls, 1);
}

TEST(OpencodeParser, EmptyOutputIsAnErrorWithNullUsage) {
  auto result = parse_fixture("empty.jsonl", exited(1));
  EXPECT_EQ(result.status, AgentStatus::kError);
  EXPECT_NE(result.reason.find("without a finished step"), std::string::npos);
  EXPECT_FALSE(result.usage.tokens.input_tokens.has_value());
}

TEST(OpencodeParser, TruncatedOutputKeepsTheToolCallAndIsAnError) {
  auto result = parse_fixture("truncated.jsonl", ProcessResult{std::nullopt, 9});
  EXPECT_EQ(result.status, AgentStatus::kError);
  EXPECT_NE(result.reason.find("signal 9"), std::string::npos) << result.reason;
  EXPECT_EQ(result.usage.tool_calls, 1);
  EXPECT_FALSE(result.usage.steps.has_value());
}

TEST(OpencodeParser, GarbageIsCountedAndIgnored) {
  auto result = parse_fixture("garbage.jsonl", exited(0));
  EXPECT_EQ(result.status, AgentStatus::kError);
  EXPECT_NE(result.reason.find("4 unreadable lines"), std::string::npos) << result.reason;
}

TEST(OpencodeParser, RateLimitedToTheEndIsProviderUnavailable) {
  auto result = parse_fixture("rate_limited.jsonl", exited(1));
  EXPECT_EQ(result.status, AgentStatus::kInfraError);
  EXPECT_EQ(result.reason.rfind("provider unavailable", 0), 0u) << result.reason;
  EXPECT_NE(result.reason.find("Resource has been exhausted"), std::string::npos);
  EXPECT_NE(result.reason.find("HTTP 429"), std::string::npos);
}

TEST(OpencodeParser, BadRequestIsAnAgentErrorWithTheApisMessage) {
  auto result = parse_fixture("api_error_400.jsonl", exited(1));
  EXPECT_EQ(result.status, AgentStatus::kError);
  EXPECT_NE(result.reason.find("no such model: fake-model (HTTP 400)"), std::string::npos)
      << result.reason;
  EXPECT_FALSE(result.usage.steps.has_value());
}

TEST(OpencodeParser, MissingTokenFieldsStayNull) {
  OpencodeParser parser("p/m");
  parser.on_line(R"({"type":"step_finish","part":{"reason":"stop","tokens":{"input":5,"output":2}}})");
  auto result = parser.finish(exited(0));
  EXPECT_EQ(result.status, AgentStatus::kDone);
  EXPECT_EQ(result.usage.tokens.input_tokens, 5);
  EXPECT_EQ(result.usage.tokens.output_tokens, 2);  // no reasoning field at all: output as is
  EXPECT_FALSE(result.usage.tokens.reasoning_tokens.has_value());
  EXPECT_FALSE(result.usage.tokens.cache_read_tokens.has_value());
  EXPECT_FALSE(result.usage.cost_usd_reported.has_value());
}

TEST(OpencodeRunner, ProviderConfigDeclaresToolCallsForTheModel) {
  auto config = opencode_provider_config("fake/fake-model", "http://127.0.0.1:9/v1");
  ASSERT_TRUE(config.ok());
  const auto& provider = (*config)["provider"]["fake"];
  EXPECT_EQ(provider["npm"], "@ai-sdk/openai-compatible");
  EXPECT_EQ(provider["options"]["baseURL"], "http://127.0.0.1:9/v1");
  EXPECT_EQ(provider["models"]["fake-model"]["tool_call"], true);
  EXPECT_FALSE(opencode_provider_config("no-provider", "http://x").ok());
}

}  // namespace
}  // namespace landed
