#include "runners/landed_agent/agent_loop.h"

namespace landed::agent {
namespace {

using nlohmann::json;

constexpr std::size_t kReasonLimit = 300;

std::string shorten(const std::string& text) {
  return text.size() <= kReasonLimit ? text : text.substr(0, kReasonLimit) + "...";
}

/// One model call with retries: the reply, or how the loop must end.
Result<ModelReply> call_model(const ModelApi& api, const LoopSettings& settings, World& world,
                              const json& history, LoopEnd& end) {
  auto body = api.request(settings.request, history);
  if (!body.ok()) {
    end = {"error", body.error().message, ""};
    return body.error();
  }
  const std::string text = body->dump(-1, ' ', false, json::error_handler_t::replace);
  const Headers headers = api.headers(settings.api_key);
  CallResult call = call_with_retries([&] { return world.post(api.path(), text, headers); },
                                      settings.retry, world.sleep);
  if (call.outcome == CallOutcome::kUnavailable) end = {"infra_error", call.reason, ""};
  if (call.outcome == CallOutcome::kRejected) end = {"error", call.reason, ""};
  if (call.outcome != CallOutcome::kAnswered) return make_error("{}", call.reason);
  const json response = json::parse(call.reply.body, nullptr, /*allow_exceptions=*/false);
  auto reply = api.parse(response);
  if (!reply.ok()) end = {"error", "unreadable model response: " + reply.error().message, ""};
  return reply;
}

}  // namespace

std::string run_tool_call(const ToolCall& call, World& world) {
  if (call.name != kShellToolName)
    return fmt::format("error: there is no tool \"{}\"; the only tool is \"{}\"", call.name,
                       kShellToolName);
  const json arguments = json::parse(call.arguments, nullptr, /*allow_exceptions=*/false);
  if (!arguments.is_object() || !arguments.contains("command") || !arguments["command"].is_string())
    return "error: the shell tool takes {\"command\": \"...\"}";
  return world.shell(arguments["command"].get<std::string>());
}

LoopEnd run_agent_loop(const ModelApi& api, const LoopSettings& settings, World& world,
                       EventWriter& events) {
  json history = api.start(settings.prompt);
  std::string last_model;
  for (int turn = 0; turn < settings.max_turns; ++turn) {
    LoopEnd end;
    auto reply = call_model(api, settings, world, history, end);
    if (!reply.ok()) return {end.status, end.reason, last_model};
    if (!reply->model.empty()) last_model = reply->model;
    events.step(settings.request.model.empty() ? reply->model : settings.request.model,
                reply->usage);
    if (reply->tool_calls.empty()) return {"done", shorten(reply->text), last_model};
    api.append_reply(history, *reply);
    std::vector<ToolOutput> outputs;
    for (const ToolCall& call : reply->tool_calls) {
      events.tool(call.name);
      outputs.push_back({call.id, run_tool_call(call, world)});
    }
    api.append_outputs(history, outputs);
  }
  return {"gave_up", fmt::format("reached the limit of {} model calls", settings.max_turns),
          last_model};
}

}  // namespace landed::agent
