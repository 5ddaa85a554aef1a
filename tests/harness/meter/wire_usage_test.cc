#include "harness/meter/wire_usage.h"

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "tests/test_support.h"

namespace landed {
namespace {

std::string fixture(const std::string& name) {
  auto text = read_file(testing::source_dir() / "tests" / "fixtures" / "meter" / name);
  EXPECT_TRUE(text.ok()) << name;
  return text.ok() ? *text : std::string();
}

/// Feeds the fixture in pieces of `piece` bytes, as a network would.
CallUsage scan(WireFormat format, bool events, const std::string& name, std::size_t piece = 7,
               bool whole = true) {
  UsageScanner scanner(format, events);
  const std::string body = fixture(name);
  for (std::size_t at = 0; at < body.size(); at += piece) scanner.feed(std::string_view(body).substr(at, piece));
  return scanner.finish(whole);
}

TEST(WireFormatTest, ModelCallsAreKnownByPathAndMethod) {
  EXPECT_EQ(wire_format_of("POST", "/v1/messages"), WireFormat::kAnthropic);
  EXPECT_EQ(wire_format_of("POST", "/v1/messages/count_tokens"), WireFormat::kNone);
  EXPECT_EQ(wire_format_of("POST", "/v1/responses"), WireFormat::kOpenAIResponses);
  EXPECT_EQ(wire_format_of("POST", "/v1/chat/completions"), WireFormat::kOpenAIChat);
  EXPECT_EQ(wire_format_of("POST", "/v1beta/models/gemini-2.5-pro:streamGenerateContent"),
            WireFormat::kGemini);
  EXPECT_EQ(wire_format_of("POST", "/v1beta/models/gemini-2.5-pro:countTokens"), WireFormat::kNone);
  EXPECT_EQ(wire_format_of("GET", "/v1/messages"), WireFormat::kNone);
}

TEST(WireUsageTest, AnthropicStreamTakesTheFinalDeltaAndSplitsCacheWrites) {
  const CallUsage u = scan(WireFormat::kAnthropic, true, "anthropic_stream.sse");
  ASSERT_TRUE(u.known) << u.problem;
  EXPECT_EQ(u.tokens, (TokenUsage{1200, 300, 100, 80, std::nullopt}));
  EXPECT_EQ(u.cache_write_1h_tokens, 60);
  EXPECT_EQ(u.model, "claude-opus-4-5-20251101");
  EXPECT_EQ(u.service_tier, "standard");
}

TEST(WireUsageTest, AnthropicBodyWithoutCacheFieldsHasKnownZeroCache) {
  const CallUsage u = scan(WireFormat::kAnthropic, false, "anthropic_body.json");
  ASSERT_TRUE(u.known) << u.problem;
  EXPECT_EQ(u.tokens, (TokenUsage{50, 0, 0, 7, std::nullopt}));
  EXPECT_EQ(u.model, "claude-sonnet-4-5-20250929");
}

TEST(WireUsageTest, ResponsesStreamTakesCachedOutOfInput) {
  const CallUsage u = scan(WireFormat::kOpenAIResponses, true, "responses_stream.sse", 13);
  ASSERT_TRUE(u.known) << u.problem;
  EXPECT_EQ(u.tokens, (TokenUsage{1300, 300, 0, 80, 20}));
  EXPECT_EQ(u.model, "gpt-5.5-2026-01-01");
  EXPECT_EQ(u.service_tier, "priority");
}

TEST(WireUsageTest, ChatStreamReadsTheLastChunkAndSkipsDone) {
  const CallUsage u = scan(WireFormat::kOpenAIChat, true, "chat_stream.sse", 1);
  ASSERT_TRUE(u.known) << u.problem;
  EXPECT_EQ(u.tokens, (TokenUsage{800, 100, 0, 45, 5}));
  EXPECT_EQ(u.model, "qwen3-coder");
}

TEST(WireUsageTest, GeminiStreamCountsThoughtsAsOutputAndCachedApart) {
  const CallUsage u = scan(WireFormat::kGemini, true, "gemini_stream.sse");
  ASSERT_TRUE(u.known) << u.problem;
  EXPECT_EQ(u.tokens, (TokenUsage{600, 400, 0, 80, 20}));
  EXPECT_EQ(u.model, "gemini-2.5-pro");
}

TEST(WireUsageTest, GeminiJsonArrayOfChunks) {
  const CallUsage u = scan(WireFormat::kGemini, false, "gemini_array.json");
  ASSERT_TRUE(u.known) << u.problem;
  EXPECT_EQ(u.tokens, (TokenUsage{30, 0, 0, 4, 0}));
  EXPECT_EQ(u.model, "gemini-2.5-flash");
}

TEST(WireUsageTest, ChatStreamWithoutUsageIsUnknownNotZero) {
  const CallUsage u = scan(WireFormat::kOpenAIChat, true, "chat_stream_no_usage.sse");
  EXPECT_FALSE(u.known);
  EXPECT_EQ(u.problem, "no usage block");
  EXPECT_EQ(u.tokens, TokenUsage{});
}

TEST(WireUsageTest, NonJsonEventMakesTheUsageUnknown) {
  const CallUsage u = scan(WireFormat::kAnthropic, true, "anthropic_non_json_event.sse");
  EXPECT_FALSE(u.known);
  EXPECT_EQ(u.problem, "a non-JSON SSE event");
}

TEST(WireUsageTest, TruncatedStreamIsUnknown) {
  const CallUsage u = scan(WireFormat::kAnthropic, true, "anthropic_truncated.sse", 7, false);
  EXPECT_FALSE(u.known);
  EXPECT_EQ(u.problem, "the reply was cut before its usage block");
}

TEST(WireUsageTest, TruncatedAndUsagelessBodiesAreUnknown) {
  EXPECT_EQ(scan(WireFormat::kOpenAIResponses, false, "responses_truncated.json", 7, false).problem,
            "a truncated body");
  EXPECT_EQ(scan(WireFormat::kOpenAIResponses, false, "responses_truncated.json").problem,
            "a malformed JSON body");
  EXPECT_EQ(scan(WireFormat::kOpenAIResponses, false, "responses_no_usage.json").problem,
            "no usage block");
}

TEST(WireUsageTest, StreamCutAfterTheFinalUsageKeepsIt) {
  const std::string body = fixture("anthropic_stream.sse");
  UsageScanner scanner(WireFormat::kAnthropic, true);
  scanner.feed(body.substr(0, body.find("event: message_stop")));
  EXPECT_TRUE(scanner.finish(false).known);
}

}  // namespace
}  // namespace landed
