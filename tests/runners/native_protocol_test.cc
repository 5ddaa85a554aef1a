#include "runners/native_protocol.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

ProcessResult exited(int code) {
  ProcessResult p;
  p.exit_code = code;
  return p;
}

AgentResult parse(const std::vector<std::string>& lines, ProcessResult process = exited(0)) {
  NativeProtocolParser parser("default-model");
  for (const auto& line : lines) parser.on_line(line);
  return parser.finish(process);
}

TEST(NativeProtocol, SumsStepsPerModelAndCountsToolCalls) {
  auto result = parse({
      R"({"event":"step","model":"a","input_tokens":100,"cache_read_tokens":50,"output_tokens":10,"tool_calls":2})",
      R"({"event":"step","input_tokens":7,"output_tokens":3,"reasoning_tokens":1})",
      R"({"event":"tool","name":"shell"})",
      R"({"event":"final","status":"done","model":"a-2025"})",
  });
  EXPECT_EQ(result.status, AgentStatus::kDone);
  EXPECT_EQ(result.usage.steps, 2);
  EXPECT_EQ(result.usage.tool_calls, 3);
  EXPECT_EQ(result.usage.tokens.input_tokens, 107);
  EXPECT_EQ(result.usage.tokens.cache_read_tokens, 50);
  EXPECT_EQ(result.usage.tokens.reasoning_tokens, 1);
  ASSERT_EQ(result.usage.by_model.size(), 2u);
  EXPECT_EQ(result.usage.by_model[1].model, "default-model");
  EXPECT_EQ(result.model_reported, "a-2025");
}

TEST(NativeProtocol, MissingCountsStayNullNotZero) {
  auto result = parse({R"({"event":"step","output_tokens":5})", R"({"event":"final","status":"done"})"});
  EXPECT_FALSE(result.usage.tokens.input_tokens.has_value());
  EXPECT_FALSE(result.usage.tokens.cache_write_tokens.has_value());
  EXPECT_FALSE(result.usage.tool_calls.has_value());
  EXPECT_EQ(result.usage.tokens.output_tokens, 5);
}

TEST(NativeProtocol, GarbageWithoutFinalIsAnAgentErrorWithAReason) {
  auto result = parse({"hello", "{not json", R"({"event":"step","input_tokens":1})"}, exited(3));
  EXPECT_EQ(result.status, AgentStatus::kError);
  EXPECT_NE(result.reason.find("without a final event"), std::string::npos);
  EXPECT_NE(result.reason.find("exit status 3"), std::string::npos);
  EXPECT_NE(result.reason.find("2 unreadable lines"), std::string::npos);
  EXPECT_EQ(result.usage.tokens.input_tokens, 1);
}

TEST(NativeProtocol, DoneWithNonZeroExitIsAnError) {
  auto result = parse({R"({"event":"final","status":"done"})"}, exited(1));
  EXPECT_EQ(result.status, AgentStatus::kError);
}

TEST(NativeProtocol, GaveUpAndInfraErrorAreKeptApart) {
  EXPECT_EQ(parse({R"({"event":"final","status":"gave_up","reason":"too hard"})"}).status,
            AgentStatus::kGaveUp);
  auto infra = parse({R"({"event":"final","status":"infra_error","reason":"429 forever"})"}, exited(1));
  EXPECT_EQ(infra.status, AgentStatus::kInfraError);
  EXPECT_NE(infra.reason.find("429"), std::string::npos);
}

TEST(NativeProtocol, NegativeOrWrongTypedCountsAreIgnored) {
  auto result = parse({R"({"event":"step","input_tokens":-4,"output_tokens":"many","unknown":{"x":1}})",
                       R"({"event":"final","status":"done"})"});
  EXPECT_FALSE(result.usage.tokens.input_tokens.has_value());
  EXPECT_FALSE(result.usage.tokens.output_tokens.has_value());
  EXPECT_EQ(result.usage.steps, 1);
}

TEST(NativeProtocol, KilledBySignalSaysSo) {
  ProcessResult killed;
  killed.signal = 9;
  auto result = parse({}, killed);
  EXPECT_NE(result.reason.find("signal 9"), std::string::npos);
}

}  // namespace
}  // namespace landed
