// The Claude Code parser on outputs recorded from the real CLI (claude 2.1.197 with
// --include-partial-messages against tests/fake_llm; tests/fixtures/agent_outputs/claude_code/,
// init events trimmed). Scripted usage per call in the comments: I = uncached input,
// R = cache read, W = cache write, O = output.
#include "runners/claude_code_parser.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "runners/claude_code_runner.h"

namespace landed {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(LANDED_SOURCE_DIR) / "tests/fixtures/agent_outputs/claude_code";

ProcessResult exited(int code) {
  ProcessResult p;
  p.exit_code = code;
  return p;
}

std::vector<std::string> lines_of(const std::string& name) {
  std::ifstream in(kFixtures / (name + ".jsonl"), std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

AgentResult parse(const std::string& name, ProcessResult process) {
  ClaudeCodeParser parser("contender-model");
  for (const auto& line : lines_of(name)) parser.on_line(line);
  return parser.finish(process);
}

TEST(ClaudeCodeParser, NormalRunTakesTheResultsModelUsage) {
  // Script: (I1200 R300 W100 O80) with a Bash call, then (I1500 R1400 W0 O30).
  auto r = parse("normal", exited(0));
  EXPECT_EQ(r.status, AgentStatus::kDone) << r.reason;
  EXPECT_EQ(r.reason, "Fixed the bug.");
  EXPECT_EQ(r.usage.tokens.input_tokens, 2700);
  EXPECT_EQ(r.usage.tokens.cache_read_tokens, 1700);
  EXPECT_EQ(r.usage.tokens.cache_write_tokens, 100);
  EXPECT_EQ(r.usage.tokens.output_tokens, 110);
  EXPECT_FALSE(r.usage.tokens.reasoning_tokens.has_value());  // Anthropic does not say
  EXPECT_EQ(r.usage.steps, 2);
  EXPECT_EQ(r.usage.tool_calls, 1);
  ASSERT_TRUE(r.usage.cost_usd_reported.has_value());
  EXPECT_NEAR(*r.usage.cost_usd_reported, 0.010635, 1e-9);
  ASSERT_EQ(r.usage.by_model.size(), 1u);
  EXPECT_EQ(r.usage.by_model[0].model, "claude-sonnet-4-5");
  EXPECT_EQ(r.usage.by_model[0].steps, 2);
  EXPECT_EQ(r.model_reported, "claude-sonnet-4-5");
}

TEST(ClaudeCodeParser, LiveUsageCountsEachMessageOnceAndTakesItsFinalOutput) {
  ClaudeCodeParser parser("m");
  const auto lines = lines_of("normal");
  // Through line 10: two assistant events of msg_1, each repeating its usage with output 1.
  for (int i = 0; i < 10; ++i) parser.on_line(lines[i]);
  EXPECT_EQ(parser.usage().tokens.input_tokens, 1200);
  EXPECT_EQ(parser.usage().tokens.cache_write_tokens, 100);
  EXPECT_EQ(parser.usage().tokens.output_tokens, 1);
  EXPECT_EQ(parser.usage().steps, 1);
  parser.on_line(lines[10]);
  parser.on_line(lines[11]);  // message_delta: the message's final usage
  EXPECT_EQ(parser.usage().tokens.input_tokens, 1200);
  EXPECT_EQ(parser.usage().tokens.output_tokens, 80);
}

TEST(ClaudeCodeParser, ToolErrorRunStillEndsDone) {
  // Script: (I900 W500 O40) a failing `cat`, (I300 R1400 O60) the fix, (I100 R1700 O20).
  auto r = parse("tool_error", exited(0));
  EXPECT_EQ(r.status, AgentStatus::kDone) << r.reason;
  EXPECT_EQ(r.usage.tokens.input_tokens, 1300);
  EXPECT_EQ(r.usage.tokens.cache_read_tokens, 3100);
  EXPECT_EQ(r.usage.tokens.cache_write_tokens, 500);
  EXPECT_EQ(r.usage.tokens.output_tokens, 120);
  EXPECT_EQ(r.usage.steps, 3);
  EXPECT_EQ(r.usage.tool_calls, 2);
}

TEST(ClaudeCodeParser, MaxTurnsIsOverBudgetOnSteps) {
  auto r = parse("max_turns", exited(1));
  EXPECT_EQ(r.status, AgentStatus::kOverBudget);
  EXPECT_EQ(r.limit_hit, "steps");
  EXPECT_EQ(r.usage.steps, 1);  // one model call, though the CLI says num_turns 2
  EXPECT_EQ(r.usage.tokens.input_tokens, 900);
  EXPECT_EQ(r.usage.tokens.output_tokens, 40);
}

TEST(ClaudeCodeParser, BadRequestIsAnAgentErrorWithNoUsage) {
  auto r = parse("api_error_400", exited(1));
  EXPECT_EQ(r.status, AgentStatus::kError);
  EXPECT_NE(r.reason.find("no such model: claude-sonnet-4-5"), std::string::npos) << r.reason;
  EXPECT_EQ(r.usage.steps, 0);  // the CLI's own error message is not a model call
  EXPECT_TRUE(r.usage.by_model.empty());
  EXPECT_FALSE(r.usage.tokens.total().has_value());
}

TEST(ClaudeCodeParser, ServerErrorRateLimitAndNoConnectionAreProviderUnavailable) {
  for (const char* name : {"api_error_500", "rate_limited", "connection_refused"}) {
    auto r = parse(name, exited(1));
    EXPECT_EQ(r.status, AgentStatus::kInfraError) << name << ": " << r.reason;
    EXPECT_NE(r.reason.find("provider unavailable"), std::string::npos) << r.reason;
  }
}

TEST(ClaudeCodeParser, EmptyOutputIsAnError) {
  auto r = parse("empty", exited(1));
  EXPECT_EQ(r.status, AgentStatus::kError);
  EXPECT_NE(r.reason.find("without a result event"), std::string::npos) << r.reason;
  EXPECT_FALSE(r.usage.tokens.total().has_value());
  EXPECT_FALSE(r.model_reported.has_value());
}

TEST(ClaudeCodeParser, TruncatedOutputKeepsTheUsageStreamedSoFar) {
  auto r = parse("truncated", ProcessResult{.signal = 9});
  EXPECT_EQ(r.status, AgentStatus::kError);
  EXPECT_NE(r.reason.find("signal 9"), std::string::npos) << r.reason;
  EXPECT_EQ(r.usage.steps, 1);
  EXPECT_EQ(r.usage.tool_calls, 1);
  EXPECT_EQ(r.usage.tokens.input_tokens, 1200);
  EXPECT_EQ(r.usage.tokens.output_tokens, 80);
  EXPECT_FALSE(r.usage.cost_usd_reported.has_value());
}

TEST(ClaudeCodeParser, GarbageIsCountedAndIgnored) {
  auto r = parse("garbage", exited(0));
  EXPECT_EQ(r.status, AgentStatus::kError);
  EXPECT_NE(r.reason.find("4 unreadable lines"), std::string::npos) << r.reason;
}

// Constructed (not recorded): a side model in modelUsage, which the stream never shows as a
// message. Its tokens and cost count; its steps are unknown; result.usage is not added.
TEST(ClaudeCodeParser, SideModelsCountFromModelUsageAndResultUsageIsNotAdded) {
  ClaudeCodeParser parser("m");
  parser.on_line(R"({"type":"system","subtype":"init","model":"claude-opus-4-5"})");
  parser.on_line(R"({"type":"assistant","message":{"id":"a","model":"claude-opus-4-5","content":[],"usage":{"input_tokens":10,"cache_read_input_tokens":0,"cache_creation_input_tokens":5,"output_tokens":1}}})");
  parser.on_line(R"({"type":"result","subtype":"success","is_error":false,"result":"ok","total_cost_usd":0.3,)"
                 R"("usage":{"input_tokens":10,"cache_read_input_tokens":0,"cache_creation_input_tokens":5,"output_tokens":7},)"
                 R"("modelUsage":{"claude-opus-4-5":{"inputTokens":10,"outputTokens":7,"cacheReadInputTokens":0,"cacheCreationInputTokens":5,"costUSD":0.25,"brandNewField":1},)"
                 R"("claude-haiku-4-5":{"inputTokens":100,"outputTokens":20,"cacheReadInputTokens":0,"cacheCreationInputTokens":0,"costUSD":0.05}}})");
  auto r = parser.finish(exited(0));
  EXPECT_EQ(r.status, AgentStatus::kDone);
  EXPECT_EQ(r.usage.tokens.input_tokens, 110);
  EXPECT_EQ(r.usage.tokens.output_tokens, 27);
  EXPECT_EQ(r.usage.tokens.cache_write_tokens, 5);
  EXPECT_NEAR(*r.usage.cost_usd_reported, 0.3, 1e-12);
  ASSERT_EQ(r.usage.by_model.size(), 2u);
  for (const ModelUsage& m : r.usage.by_model) {
    if (m.model == "claude-opus-4-5") EXPECT_EQ(m.steps, 1);
    else EXPECT_FALSE(m.steps.has_value()) << m.model;
  }
  EXPECT_EQ(r.model_reported, "claude-opus-4-5");
}

TEST(ClaudeCodeParser, MissingFieldsStayNull) {
  ClaudeCodeParser parser("m");
  parser.on_line(R"({"type":"assistant","message":{"id":"a","model":"x","content":[],"usage":{"output_tokens":3}}})");
  EXPECT_FALSE(parser.usage().tokens.input_tokens.has_value());
  EXPECT_EQ(parser.usage().tokens.output_tokens, 3);
}

TEST(ClaudeCodeRunner, CommandCarriesModelEffortArgsAndAPrivateHome) {
  Task task;
  task.prompt = "Fix it.";
  Contender c;
  c.id = "claude-code/sonnet@low";
  c.model = "sonnet";
  c.effort = "low";
  c.args = {"--max-turns", "5"};
  c.env = {{"ANTHROPIC_BASE_URL", "http://127.0.0.1:1"}};
  const fs::path scratch = fs::temp_directory_path() / ("landed-claude-cmd-" + std::to_string(::getpid()));
  SystemProcessRunner processes;
  AgentRequest request{task, c, "/sandbox", "/logs", "t/c/r1", "token", 1, processes, {}, scratch};
  auto command = make_claude_code_definition()->command(request);
  ASSERT_TRUE(command.ok()) << command.error().message;
  const std::vector<std::string> expected = {
      "claude", "-p", "Fix it.", "--output-format", "stream-json", "--verbose",
      "--include-partial-messages", "--dangerously-skip-permissions", "--model", "sonnet",
      "--effort", "low", "--max-turns", "5"};
  EXPECT_EQ(command->argv, expected);
  for (const char* entry : {"IS_SANDBOX=1", "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1"})
    EXPECT_NE(std::find(command->env.begin(), command->env.end(), entry), command->env.end()) << entry;
  EXPECT_NE(std::find(command->env.begin(), command->env.end(),
                      "HOME=" + (scratch / "claude-home").string()),
            command->env.end());
  fs::remove_all(scratch);
}

}  // namespace
}  // namespace landed
