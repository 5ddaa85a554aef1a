// OpenAI Responses API (POST /v1/responses): output items, SSE events, usage where input
// includes cached tokens and output includes reasoning.
#include <ctime>

#include "tests/fake_llm/dialect.h"

namespace fake_llm {
namespace {

using nlohmann::json;

json wire_usage(const ScriptUsage& u) {
  const std::int64_t input = u.input + u.cache_read + u.cache_write;
  return {{"input_tokens", input},
          {"input_tokens_details", {{"cached_tokens", u.cache_read}}},
          {"output_tokens", u.output},
          {"output_tokens_details", {{"reasoning_tokens", u.reasoning}}},
          {"total_tokens", input + u.output}};
}

json message_item(const std::string& text, int sequence) {
  return {
      {"type", "message"},
      {"id", fmt::format("msg_{}", sequence)},
      {"role", "assistant"},
      {"status", "completed"},
      {"content",
       json::array({{{"type", "output_text"}, {"text", text}, {"annotations", json::array()}}})}};
}

json tool_item(const ToolChoice& tool, int sequence) {
  const std::string call_id = fmt::format("call_{}", sequence);
  if (tool.local_shell)
    return {{"type", "local_shell_call"},
            {"id", fmt::format("lsc_{}", sequence)},
            {"call_id", call_id},
            {"status", "completed"},
            {"action",
             {{"type", "exec"}, {"command", tool.arguments["command"]}, {"env", json::object()}}}};
  return {
      {"type", "function_call"}, {"id", fmt::format("fc_{}", sequence)}, {"call_id", call_id},
      {"name", tool.name},       {"arguments", tool.arguments.dump()},   {"status", "completed"}};
}

json response_object(const Exchange& exchange, const json& output, const json& usage,
                     const char* status) {
  return {{"id", fmt::format("resp_{}", exchange.sequence)},
          {"object", "response"},
          {"created_at", static_cast<std::int64_t>(std::time(nullptr))},
          {"status", status},
          {"model", exchange.model},
          {"output", output},
          {"usage", usage},
          {"error", nullptr},
          {"incomplete_details", nullptr},
          {"parallel_tool_calls", false}};
}

json merged(json base, const json& extra) {
  base.update(extra);
  return base;
}

void add_message_deltas(const json& item, int index, std::vector<json>& events) {
  const json part = item["content"][0];
  const json base = {{"item_id", item["id"]}, {"output_index", index}, {"content_index", 0}};
  const json empty = {{"type", "output_text"}, {"text", ""}, {"annotations", json::array()}};
  events.push_back(merged(base, {{"type", "response.content_part.added"}, {"part", empty}}));
  events.push_back(merged(base, {{"type", "response.output_text.delta"}, {"delta", part["text"]}}));
  events.push_back(merged(base, {{"type", "response.output_text.done"}, {"text", part["text"]}}));
  events.push_back(merged(base, {{"type", "response.content_part.done"}, {"part", part}}));
}

void add_arguments_deltas(const json& item, int index, std::vector<json>& events) {
  const json base = {{"item_id", item["id"]}, {"output_index", index}};
  events.push_back(merged(
      base, {{"type", "response.function_call_arguments.delta"}, {"delta", item["arguments"]}}));
  events.push_back(merged(
      base, {{"type", "response.function_call_arguments.done"}, {"arguments", item["arguments"]}}));
}

/// The events that stream one output item: added, its deltas, done.
void add_item_events(const json& item, int index, std::vector<json>& events) {
  json in_progress = item;
  in_progress["status"] = "in_progress";
  if (item["type"] == "message") in_progress["content"] = json::array();
  if (item["type"] == "function_call") in_progress["arguments"] = "";
  events.push_back(
      {{"type", "response.output_item.added"}, {"output_index", index}, {"item", in_progress}});
  if (item["type"] == "message") add_message_deltas(item, index, events);
  if (item["type"] == "function_call") add_arguments_deltas(item, index, events);
  events.push_back(
      {{"type", "response.output_item.done"}, {"output_index", index}, {"item", item}});
}

std::string stream_body(const Exchange& exchange, const json& output, const json& usage) {
  std::vector<json> events;
  events.push_back(
      {{"type", "response.created"},
       {"response", response_object(exchange, json::array(), nullptr, "in_progress")}});
  events.push_back(
      {{"type", "response.in_progress"},
       {"response", response_object(exchange, json::array(), nullptr, "in_progress")}});
  for (std::size_t i = 0; i < output.size(); ++i)
    add_item_events(output[i], static_cast<int>(i), events);
  events.push_back({{"type", "response.completed"},
                    {"response", response_object(exchange, output, usage, "completed")}});
  std::string body;
  for (std::size_t i = 0; i < events.size(); ++i) {
    events[i]["sequence_number"] = i;
    body += sse(events[i]["type"].get<std::string>(), events[i]);
  }
  return body;
}

class OpenAiResponses final : public Dialect {
 public:
  std::string name() const override { return "openai-responses"; }

  std::vector<ToolDecl> tools(const json& request) const override {
    std::vector<ToolDecl> declared;
    for (const json& tool : request.value("tools", json::array())) {
      const std::string type = tool.value("type", "");
      if (type == "local_shell") declared.push_back({"local_shell", json::object(), true});
      if (type != "function") continue;
      const json& function = tool.contains("function") ? tool["function"] : tool;
      declared.push_back(
          {function.value("name", ""), function.value("parameters", json::object())});
    }
    return declared;
  }

  bool wants_stream(const json& request) const override { return request.value("stream", false); }

  Reply answer(const Exchange& exchange, const Turn& turn) const override {
    Reply reply;
    json output = json::array();
    if (!turn.text.empty()) output.push_back(message_item(turn.text, exchange.sequence));
    if (turn.kind == Turn::Kind::kToolCall) {
      reply.tool = choose_tool(tools(exchange.request), turn);
      output.push_back(tool_item(*reply.tool, exchange.sequence));
    }
    const ScriptUsage& u = turn.usage;
    reply.wire_usage = wire_usage(u);
    reply.usage = normalized_usage(u.input + u.cache_write, u.cache_read, 0, u.output,
                                   u.reasoning);
    if (exchange.stream) {
      reply.content_type = "text/event-stream";
      reply.body = stream_body(exchange, output, reply.wire_usage);
    } else {
      reply.body = response_object(exchange, output, reply.wire_usage, "completed").dump();
    }
    return reply;
  }

  Reply error(int status, const std::string& message) const override {
    Reply reply;
    reply.status = status;
    const char* type = status == 429   ? "rate_limit_exceeded"
                       : status >= 500 ? "server_error"
                                       : "invalid_request_error";
    reply.body =
        json{{"error", {{"message", message}, {"type", type}, {"code", type}, {"param", nullptr}}}}
            .dump();
    return reply;
  }
};

}  // namespace

std::unique_ptr<Dialect> make_openai_responses() { return std::make_unique<OpenAiResponses>(); }

}  // namespace fake_llm
