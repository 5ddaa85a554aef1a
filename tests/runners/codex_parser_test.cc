// The Codex parser on outputs recorded from the real CLI (codex 0.169.0 against tests/fake_llm;
// tests/fixtures/agent_outputs/codex/, trimmed). The scripted usage of each recording is in
// the comments: I = uncached input, R = cache read, W = cache write, O = output, T = reasoning.
#include "runners/codex_parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "runners/codex_runner.h"
#include <unistd.h>

namespace landed {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(LANDED_SOURCE_DIR) / "tests/fixtures/agent_outputs/codex";

ProcessResult exited(int code) {
  ProcessResult p;
  p.exit_code = code;
  return p;
}

std::vector<std::string> lines_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// A CODEX_HOME holding the recorded session log of `name`, where Codex would have written it.
class SessionHome {
 public:
  explicit SessionHome(const std::string& name) {
    home_ = fs::temp_directory_path() / ("landed-codex-test-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(home_);
    const fs::path source = kFixtures / (name + ".session.jsonl");
    if (!fs::exists(source)) return;
    std::ifstream in(source);
    std::string first;
    std::getline(in, first);
    const auto thread = nlohmann::json::parse(first)["payload"]["id"].get<std::string>();
    const fs::path dir = home_ / "sessions/2026/11/23";
    fs::create_directories(dir);
    fs::copy_file(source, dir / ("rollout-2026-11-23T13-14-56-" + thread + ".jsonl"));
  }
  ~SessionHome() { fs::remove_all(home_); }
  const fs::path& path() const { return home_; }

 private:
  fs::path home_;
};

AgentResult parse(const std::string& name, ProcessResult process, bool with_session = true) {
  SessionHome home(name);
  CodexParser parser("contender-model", with_session ? std::optional(home.path()) : std::nullopt, 3);
  for (const auto& line : lines_of(kFixtures / (name + ".jsonl"))) parser.on_line(line);
  return parser.finish(process);
}

TEST(CodexParser, NormalRunTakesTheTurnUsageAndSplitsCachedFromInput) {
  // Script: (I1200 R300 W100 O80 T20) then (I1500 R1400 O30); Responses has no cache-write field,
  // so W is inside input. No session log here: steps stay unknown.
  auto r = parse("normal", exited(0), /*with_session=*/false);
  EXPECT_EQ(r.status, AgentStatus::kDone) << r.reason;
  EXPECT_EQ(r.reason, "Fixed the bug.");
  EXPECT_EQ(r.usage.tokens.input_tokens, 2800);  // 4500 input - 1700 cached
  EXPECT_EQ(r.usage.tokens.cache_read_tokens, 1700);
  EXPECT_EQ(r.usage.tokens.cache_write_tokens, 0);  // Codex's own field: OpenAI has no writes
  EXPECT_EQ(r.usage.tokens.output_tokens, 110);
  EXPECT_EQ(r.usage.tokens.reasoning_tokens, 20);
  EXPECT_FALSE(r.usage.steps.has_value());
  EXPECT_EQ(r.usage.tool_calls, 1);
  EXPECT_FALSE(r.usage.cost_usd_reported.has_value());
  ASSERT_EQ(r.usage.by_model.size(), 1u);
  EXPECT_EQ(r.usage.by_model[0].model, "contender-model");
}

TEST(CodexParser, ToolErrorRunCountsModelCallsFromTheSessionLog) {
  // Script: (I900 W500 O40 T10) a failing `cat`, (I300 R1400 O60 T15) the fix, (I100 R1700 O20).
  auto r = parse("tool_error", exited(0));
  EXPECT_EQ(r.status, AgentStatus::kDone) << r.reason;
  EXPECT_EQ(r.usage.tokens.input_tokens, 1800);
  EXPECT_EQ(r.usage.tokens.cache_read_tokens, 3100);
  EXPECT_EQ(r.usage.tokens.output_tokens, 120);
  EXPECT_EQ(r.usage.tokens.reasoning_tokens, 25);
  EXPECT_EQ(r.usage.steps, 3);
  EXPECT_EQ(r.usage.tool_calls, 2);
  ASSERT_EQ(r.usage.by_model.size(), 1u);
  EXPECT_EQ(r.usage.by_model[0].model, "gpt-5.5");
  EXPECT_EQ(r.usage.by_model[0].steps, 3);
  EXPECT_EQ(r.model_reported, "gpt-5.5");
}

TEST(CodexParser, UsageIsTheLastCumulativeTurnNeverTheSum) {
  CodexParser parser("m", std::nullopt, 3);
  parser.on_line(R"({"type":"turn.completed","usage":{"input_tokens":100,"cached_input_tokens":40,"output_tokens":10,"reasoning_output_tokens":2}})");
  parser.on_line(R"({"type":"turn.completed","usage":{"input_tokens":300,"cached_input_tokens":140,"output_tokens":25,"reasoning_output_tokens":5}})");
  auto r = parser.finish(exited(0));
  EXPECT_EQ(r.usage.tokens.input_tokens, 160);
  EXPECT_EQ(r.usage.tokens.cache_read_tokens, 140);
  EXPECT_EQ(r.usage.tokens.output_tokens, 25);
  // Field absent: known-zero, the OpenAI API Codex speaks bills no cache writes
  // (runners/README.md "Known-zero usage"), so the attempt can be priced.
  EXPECT_EQ(r.usage.tokens.cache_write_tokens, 0);
}

TEST(CodexParser, BadRequestIsAnAgentErrorWithTheApisMessage) {
  auto r = parse("api_error_400", exited(1));
  EXPECT_EQ(r.status, AgentStatus::kError);
  EXPECT_NE(r.reason.find("no such model: claude-sonnet-4-5"), std::string::npos) << r.reason;
  EXPECT_FALSE(r.usage.tokens.total().has_value());
}

TEST(CodexParser, ServerErrorAfterAnAnsweredCallIsProviderUnavailableWithTheSessionsUsage) {
  // Script: (I900 R100 O40 T10) then 503 forever; the failed turn reports no usage in the stream.
  auto r = parse("api_error_503_after_a_call", exited(1));
  EXPECT_EQ(r.status, AgentStatus::kInfraError);
  EXPECT_NE(r.reason.find("503 Service Unavailable"), std::string::npos) << r.reason;
  EXPECT_EQ(r.usage.steps, 1);
  EXPECT_EQ(r.usage.tokens.input_tokens, 900);
  EXPECT_EQ(r.usage.tokens.cache_read_tokens, 100);
  EXPECT_EQ(r.usage.tokens.output_tokens, 40);
}

TEST(CodexParser, RateLimitIsProviderUnavailable) {
  auto r = parse("rate_limited", exited(1));
  EXPECT_EQ(r.status, AgentStatus::kInfraError);
  EXPECT_NE(r.reason.find("429"), std::string::npos) << r.reason;
}

TEST(CodexParser, WaitingForAnUnreachableProviderAsksToStop) {
  CodexParser parser("m", std::nullopt, 3);
  const auto lines = lines_of(kFixtures / "connection_refused.jsonl");
  std::size_t read = 0;
  for (; read < lines.size() && !parser.wants_stop(); ++read) parser.on_line(lines[read]);
  EXPECT_TRUE(parser.wants_stop());
  EXPECT_EQ(read, 5u);  // thread.started, turn.started, three waits
  auto r = parser.finish(ProcessResult{});
  EXPECT_EQ(r.status, AgentStatus::kInfraError);
  EXPECT_NE(r.reason.find("Connection failed"), std::string::npos) << r.reason;
}

TEST(CodexParser, EmptyOutputIsAnErrorWithNullUsage) {
  auto r = parse("empty", exited(1));
  EXPECT_EQ(r.status, AgentStatus::kError);
  EXPECT_NE(r.reason.find("without turn.completed"), std::string::npos) << r.reason;
  EXPECT_FALSE(r.usage.tokens.total().has_value());
  EXPECT_FALSE(r.usage.steps.has_value());
}

TEST(CodexParser, TruncatedOutputIsAnErrorThatKeepsTheToolCallsSeen) {
  auto r = parse("truncated", ProcessResult{.signal = 9});
  EXPECT_EQ(r.status, AgentStatus::kError);
  EXPECT_NE(r.reason.find("signal 9"), std::string::npos) << r.reason;
  EXPECT_EQ(r.usage.tool_calls, 1);
  EXPECT_FALSE(r.usage.tokens.total().has_value());
}

TEST(CodexParser, GarbageIsCountedAndIgnored) {
  auto r = parse("garbage", exited(0));
  EXPECT_EQ(r.status, AgentStatus::kError);
  EXPECT_NE(r.reason.find("4 unreadable lines"), std::string::npos) << r.reason;
}

TEST(CodexParser, ProviderErrorPhrases) {
  EXPECT_TRUE(codex_provider_unavailable("exceeded retry limit, last status: 429 Too Many Requests"));
  EXPECT_TRUE(codex_provider_unavailable("We’re currently experiencing high demand"));
  EXPECT_TRUE(codex_provider_unavailable("stream disconnected before completion"));
  EXPECT_FALSE(codex_provider_unavailable(R"({"error":{"message":"no such model"}})"));
}

AgentRequest request_for(const Task& task, const Contender& contender, ProcessRunner& processes,
                         const fs::path& scratch) {
  return AgentRequest{task, contender, "/sandbox", "/logs", "t/c/r1", "token", 1, processes, {},
                      scratch};
}

TEST(CodexRunner, CommandCarriesModelEffortArgsAndAPrivateHome) {
  Task task;
  task.prompt = "-fix it";
  Contender c;
  c.id = "codex/gpt-5.5@low";
  c.model = "gpt-5.5";
  c.effort = "low";
  c.command = {"/opt/codex"};
  c.args = {"-c", "model_provider=gw"};
  const fs::path scratch = fs::temp_directory_path() / ("landed-codex-cmd-" + std::to_string(::getpid()));
  SystemProcessRunner processes;
  auto command = make_codex_definition()->command(request_for(task, c, processes, scratch));
  ASSERT_TRUE(command.ok()) << command.error().message;
  const std::vector<std::string> expected = {
      "/opt/codex", "exec", "--json", "--skip-git-repo-check",
      "--dangerously-bypass-approvals-and-sandbox", "--color", "never", "-c",
      "analytics.enabled=false", "-c", "check_for_update_on_startup=false", "-c",
      "model_reasoning_effort=low", "-m", "gpt-5.5", "-c", "model_provider=gw", "--", "-fix it"};
  EXPECT_EQ(command->argv, expected);
  EXPECT_NE(std::find(command->env.begin(), command->env.end(),
                      "CODEX_HOME=" + (scratch / "codex-home/.codex").string()),
            command->env.end());
  EXPECT_TRUE(fs::is_directory(scratch / "codex-home/.codex"));
  fs::remove_all(scratch);
}

TEST(CodexRunner, UnknownOptionIsAnErrorNamingTheKnownOnes) {
  Task task;
  Contender c;
  c.id = "codex";
  c.options = {{"executable", "/x"}};
  SystemProcessRunner processes;
  auto command = make_codex_definition()->command(request_for(task, c, processes, "/tmp"));
  ASSERT_FALSE(command.ok());
  EXPECT_NE(command.error().message.find("known: home, network_waits"), std::string::npos);
}

}  // namespace
}  // namespace landed
