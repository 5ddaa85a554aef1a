// Transcripts read from the recorded agent-CLI outputs (tests/fixtures/agent_outputs/) and
// from native-protocol lines: model calls with the same tokens the usage parsers count, tool
// calls with their command, the messages, and the caps.
#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "runners/transcript.h"
#include "tests/test_support.h"

namespace landed {
namespace {

namespace fs = std::filesystem;
const fs::path kFixtures = fs::path(LANDED_SOURCE_DIR) / "tests/fixtures/agent_outputs";
using Kind = TranscriptStep::Kind;

Transcript read(std::string_view runner, const fs::path& log, TranscriptLimits limits = {}) {
  auto t = read_transcript(runner, log, limits);
  EXPECT_TRUE(t.ok());
  EXPECT_TRUE(t.ok() && t->has_value()) << log;
  return t.ok() && *t ? **t : Transcript{};
}

std::vector<Kind> kinds(const Transcript& t) {
  std::vector<Kind> out;
  for (const TranscriptStep& s : t.steps) out.push_back(s.kind);
  return out;
}

TEST(Transcript, ClaudeCodeHasOneModelCallPerMessageWithItsFinalUsage) {
  Transcript t = read("claude-code", kFixtures / "claude_code/normal.jsonl");
  ASSERT_EQ(kinds(t), (std::vector<Kind>{Kind::kModelCall, Kind::kMessage, Kind::kToolCall,
                                         Kind::kModelCall, Kind::kMessage}));
  EXPECT_EQ(t.steps[0].model, "claude-sonnet-4-5");
  EXPECT_EQ(t.steps[0].tokens.input_tokens, 1200);
  EXPECT_EQ(t.steps[0].tokens.cache_write_tokens, 100);
  EXPECT_EQ(t.steps[0].tokens.output_tokens, 80);  // from message_delta, not the placeholder 1
  EXPECT_EQ(t.steps[1].text, "Fixing the operator.");
  EXPECT_EQ(t.steps[2].text, "Bash: sed -i 's/a - b/a + b/' calc.py");
  EXPECT_EQ(t.steps[3].tokens.output_tokens, 30);
  EXPECT_EQ(t.steps.back().text, "Fixed the bug.");
}

TEST(Transcript, CodexShowsCommandsMessagesAndTheTurnsUsage) {
  Transcript t = read("codex", kFixtures / "codex/normal.jsonl");
  ASSERT_EQ(kinds(t), (std::vector<Kind>{Kind::kMessage, Kind::kToolCall, Kind::kMessage, Kind::kModelCall}));
  EXPECT_EQ(t.steps[1].text, "shell: /bin/bash -lc \"sed -i 's/a - b/a + b/' calc.py\"");
  EXPECT_EQ(t.steps[3].tokens.cache_read_tokens, 1700);
  EXPECT_EQ(t.steps[3].tokens.input_tokens, 2800);  // uncached: 4500 - 1700
}

TEST(Transcript, GeminiJoinsStreamedTextAndListsUsagePerModel) {
  Transcript t = read("gemini-cli", kFixtures / "gemini_cli/normal_run.jsonl");
  ASSERT_GE(t.steps.size(), 4u);
  EXPECT_EQ(t.steps[0].text, "Fixing the operator.");
  EXPECT_EQ(t.steps[1].text, "run_shell_command: sed -i 's/a - b/a + b/' calc.py");
  EXPECT_EQ(t.steps.back().kind, Kind::kModelCall);
  EXPECT_EQ(t.steps.back().model, "gemini-2.5-flash");
  EXPECT_EQ(t.steps.back().tokens.cache_read_tokens, 1700);
}

TEST(Transcript, OpencodeHasAModelCallPerStep) {
  Transcript t = read("opencode", kFixtures / "opencode/normal_run.jsonl");
  ASSERT_EQ(kinds(t), (std::vector<Kind>{Kind::kMessage, Kind::kToolCall, Kind::kModelCall,
                                         Kind::kMessage, Kind::kModelCall}));
  EXPECT_EQ(t.steps[1].text, "bash: sed -i 's/a - b/a + b/' calc.py");
  EXPECT_EQ(t.steps[2].tokens.output_tokens, 80);  // output + reasoning
  EXPECT_EQ(t.steps[2].tokens.cache_read_tokens, 300);
}

TEST(Transcript, NativeProtocolStepsToolsAndFinalAreCappedAndCounted) {
  testing::ScratchDir dir;
  std::string log;
  for (int i = 0; i < 5; ++i)
    log += "{\"event\":\"step\",\"model\":\"m\",\"input_tokens\":10,\"output_tokens\":2}\n"
           "{\"event\":\"tool\",\"name\":\"shell\",\"input\":{\"command\":\"" + std::string(50, 'x') + "\"}}\n";
  log += "not json\n{\"event\":\"final\",\"status\":\"done\",\"reason\":\"tests pass\"}\n";
  ASSERT_TRUE(write_file(dir / "agent.stdout", log).ok());
  TranscriptLimits limits;
  limits.max_steps = 4;
  limits.max_text = 20;
  Transcript t = read("command", dir / "agent.stdout", limits);
  ASSERT_EQ(t.steps.size(), 4u);
  EXPECT_EQ(t.omitted, 7u);
  EXPECT_EQ(t.steps[0].tokens.input_tokens, 10);
  EXPECT_EQ(t.steps[1].text, "shell: " + std::string(13, 'x') + "…");
  limits.max_steps = 100;
  EXPECT_EQ(read("landed-agent", dir / "agent.stdout", limits).steps.back().text, "done: tests pass");
}

TEST(Transcript, RunnersWithoutAnAgentOrAMissingLogHaveNone) {
  auto none = read_transcript("noop", "/nonexistent/agent.stdout");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  auto missing = read_transcript("claude-code", "/nonexistent/agent.stdout");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

}  // namespace
}  // namespace landed
