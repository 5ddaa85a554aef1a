// landed-agent: the built-in agent. A minimal agent loop with one shell tool, speaking the
// OpenAI Chat Completions, OpenAI Responses or Anthropic Messages API, and the native event
// protocol (runners/PROTOCOL.md) on stdout. Configured by environment (README.md).
#include <cstdlib>
#include <iostream>
#include <thread>

#include "harness/base/files.h"
#include "runners/landed_agent/agent_loop.h"
#include "runners/landed_agent/config.h"
#include "runners/landed_agent/shell_tool.h"

namespace landed::agent {
namespace {

constexpr const char* kSystemPrompt =
    "You are a coding agent working in a git repository, which is your current directory. Use "
    "the shell tool to inspect the files, edit them and run commands. Make the change the task "
    "asks for. When you are done, answer with a short summary and no tool call.";

std::string shell_for_model(const std::string& command, std::chrono::milliseconds timeout) {
  auto result = run_shell(command, timeout);
  if (!result.ok()) return "error: could not run the command: " + result.error().message;
  return format_tool_output(*result, timeout);
}

Result<LoopEnd> run(const AgentConfig& config, EventWriter& events) {
  LANDED_TRY(std::string prompt, read_file(config.prompt_file));
  LANDED_TRY(Transport transport, make_http_transport(config.base_url, config.http_timeout_s));
  World world;
  world.post = transport;
  world.shell = [&](const std::string& command) {
    return shell_for_model(command, config.command_timeout);
  };
  world.sleep = [](std::chrono::milliseconds delay) { std::this_thread::sleep_for(delay); };
  LoopSettings settings{{config.model, config.effort, config.max_tokens, kSystemPrompt},
                        prompt,
                        config.api_key,
                        config.max_turns,
                        config.retry};
  auto api = make_model_api(config.api);
  return run_agent_loop(*api, settings, world, events);
}

int main_with_status() {
  EventWriter events(std::cout);
  auto config = config_from_env([](const char* name) { return std::getenv(name); });
  if (!config.ok()) {
    events.final("error", "landed-agent: " + config.error().message, "");
    return 2;
  }
  auto end = run(*config, events);
  if (!end.ok()) {
    events.final("error", "landed-agent: " + end.error().message, "");
    return 1;
  }
  events.final(end->status, end->reason, end->model);
  return end->status == "done" ? 0 : 1;
}

}  // namespace
}  // namespace landed::agent

int main() { return landed::agent::main_with_status(); }
