#include "runners/landed_agent/agent_loop.h"

#include <gtest/gtest.h>

#include <deque>
#include <sstream>

namespace landed::agent {
namespace {

using nlohmann::json;

json chat_reply(const json& message, int prompt_tokens) {
  return {{"model", "served-model"},
          {"choices", {{{"message", message}}}},
          {"usage", {{"prompt_tokens", prompt_tokens}, {"completion_tokens", 10}}}};
}

json shell_call(const std::string& id, const std::string& command) {
  return {
      {"role", "assistant"},
      {"tool_calls",
       {{{"id", id},
         {"type", "function"},
         {"function", {{"name", "shell"}, {"arguments", json{{"command", command}}.dump()}}}}}}};
}

/// A world whose server answers from a list and whose shell records the commands.
struct FakeWorld {
  std::deque<HttpReply> answers;
  std::vector<json> requests;
  std::vector<std::string> commands;
  World world() {
    World w;
    w.post = [this](const std::string&, const std::string& body,
                    const Headers&) -> Result<HttpReply> {
      requests.push_back(json::parse(body));
      if (answers.empty()) return make_error("connection refused");
      HttpReply reply = answers.front();
      if (answers.size() > 1) answers.pop_front();
      return reply;
    };
    w.shell = [this](const std::string& command) {
      commands.push_back(command);
      return "exit status 0\nran " + command;
    };
    w.sleep = [](std::chrono::milliseconds) {};
    return w;
  }
};

LoopSettings settings(int max_turns = 10) {
  LoopSettings s;
  s.request = {"m", std::nullopt, std::nullopt, "system"};
  s.prompt = "fix it";
  s.max_turns = max_turns;
  s.retry = {2, std::chrono::milliseconds(1)};
  return s;
}

std::vector<json> lines(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(json::parse(line));
  return out;
}

TEST(AgentLoop, RunsToolCallsUntilTheModelAnswersWithoutOne) {
  FakeWorld fake;
  fake.answers = {
      {200, chat_reply(shell_call("c1", "sed -i x calc.py"), 100).dump(), {}},
      {200, chat_reply({{"role", "assistant"}, {"content", "Fixed."}}, 150).dump(), {}}};
  World world = fake.world();
  std::ostringstream out;
  EventWriter events(out);
  LoopEnd end = run_agent_loop(*make_openai_chat_api(), settings(), world, events);
  EXPECT_EQ(end.status, "done");
  EXPECT_EQ(end.reason, "Fixed.");
  EXPECT_EQ(end.model, "served-model");
  EXPECT_EQ(fake.commands, std::vector<std::string>{"sed -i x calc.py"});
  const auto events_out = lines(out.str());
  ASSERT_EQ(events_out.size(), 3u);
  EXPECT_EQ(
      events_out[0],
      json({{"event", "step"}, {"model", "m"}, {"input_tokens", 100}, {"output_tokens", 10},
            {"cache_write_tokens", 0}}));  // known-zero for OpenAI (runners/README.md)
  EXPECT_EQ(events_out[1], json({{"event", "tool"}, {"name", "shell"}}));
  EXPECT_EQ(events_out[2]["input_tokens"], 150);
  // The second request carries the tool's output back to the model.
  const json last = fake.requests.back()["messages"].back();
  EXPECT_EQ(last["role"], "tool");
  EXPECT_EQ(last["content"], "exit status 0\nran sed -i x calc.py");
}

TEST(AgentLoop, StopsAtTheTurnLimitAsGaveUp) {
  FakeWorld fake;
  fake.answers = {{200, chat_reply(shell_call("c", "true"), 1).dump(), {}}};
  World world = fake.world();
  std::ostringstream out;
  EventWriter events(out);
  LoopEnd end = run_agent_loop(*make_openai_chat_api(), settings(3), world, events);
  EXPECT_EQ(end.status, "gave_up");
  EXPECT_EQ(fake.requests.size(), 3u);
  EXPECT_EQ(fake.commands.size(), 3u);
}

TEST(AgentLoop, ProviderThatNeverAnswersIsAnInfraError) {
  FakeWorld fake;
  fake.answers = {{429, R"({"error":{"message":"rate limited"}})", {}}};
  World world = fake.world();
  std::ostringstream out;
  EventWriter events(out);
  LoopEnd end = run_agent_loop(*make_openai_chat_api(), settings(), world, events);
  EXPECT_EQ(end.status, "infra_error");
  EXPECT_NE(end.reason.find("rate limited"), std::string::npos);
  EXPECT_EQ(fake.requests.size(), 3u);  // one try and two retries
  EXPECT_TRUE(out.str().empty());       // no step: no model call was answered
}

TEST(AgentLoop, BadRequestIsAnErrorWithTheApisMessage) {
  FakeWorld fake;
  fake.answers = {{400, R"({"error":{"message":"model not found"}})", {}}};
  World world = fake.world();
  std::ostringstream out;
  EventWriter events(out);
  LoopEnd end = run_agent_loop(*make_openai_chat_api(), settings(), world, events);
  EXPECT_EQ(end.status, "error");
  EXPECT_EQ(end.reason, "HTTP 400: model not found");
  EXPECT_EQ(fake.requests.size(), 1u);
}

TEST(RunToolCall, UnknownToolsAndBadArgumentsAreExplainedToTheModel) {
  FakeWorld fake;
  World world = fake.world();
  EXPECT_NE(run_tool_call({"1", "python", "{}"}, world).find("no tool \"python\""),
            std::string::npos);
  EXPECT_NE(run_tool_call({"1", "shell", "{\"cmd\": 1}"}, world).find("takes"), std::string::npos);
  EXPECT_NE(run_tool_call({"1", "shell", "not json"}, world).find("takes"), std::string::npos);
  EXPECT_TRUE(fake.commands.empty());
}

}  // namespace
}  // namespace landed::agent
