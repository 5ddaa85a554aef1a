// Anthropic Messages (POST /v1/messages): usage where input_tokens excludes cache reads and
// writes. The stream is message_start (input-side usage, output_tokens 1), one
// start/delta/stop per content block, message_delta (final usage), message_stop.
#include "tests/fake_llm/dialect.h"

namespace fake_llm {
namespace {

using nlohmann::json;

json wire_usage(const ScriptUsage& u) {
  return {{"input_tokens", u.input},
          {"cache_creation_input_tokens", u.cache_write},
          {"cache_read_input_tokens", u.cache_read},
          {"output_tokens", u.output}};
}

json content_blocks(const Turn& turn, const std::optional<ToolChoice>& tool, int sequence) {
  json blocks = json::array();
  if (!turn.text.empty()) blocks.push_back({{"type", "text"}, {"text", turn.text}});
  if (tool)
    blocks.push_back({{"type", "tool_use"},
                      {"id", fmt::format("toolu_{}", sequence)},
                      {"name", tool->name},
                      {"input", tool->arguments}});
  return blocks;
}

json message(const Exchange& exchange, const json& content, const json& stop_reason,
             const json& usage) {
  return {{"id", fmt::format("msg_{}", exchange.sequence)},
          {"type", "message"},
          {"role", "assistant"},
          {"model", exchange.model},
          {"content", content},
          {"stop_reason", stop_reason},
          {"stop_sequence", nullptr},
          {"usage", usage}};
}

std::string block_events(const json& block, int index) {
  json start = block;
  json delta;
  if (block["type"] == "text") {
    start["text"] = "";
    delta = {{"type", "text_delta"}, {"text", block["text"]}};
  } else {
    start["input"] = json::object();
    delta = {{"type", "input_json_delta"}, {"partial_json", block["input"].dump()}};
  }
  return sse("content_block_start",
             {{"type", "content_block_start"}, {"index", index}, {"content_block", start}}) +
         sse("content_block_delta",
             {{"type", "content_block_delta"}, {"index", index}, {"delta", delta}}) +
         sse("content_block_stop", {{"type", "content_block_stop"}, {"index", index}});
}

std::string stream_body(const Exchange& exchange, const json& content, const char* stop_reason,
                        const json& usage) {
  json first_usage = usage;
  first_usage["output_tokens"] = 1;
  std::string body =
      sse("message_start", {{"type", "message_start"},
                            {"message", message(exchange, json::array(), nullptr, first_usage)}});
  body += sse("ping", {{"type", "ping"}});
  for (std::size_t i = 0; i < content.size(); ++i)
    body += block_events(content[i], static_cast<int>(i));
  body +=
      sse("message_delta", {{"type", "message_delta"},
                            {"delta", {{"stop_reason", stop_reason}, {"stop_sequence", nullptr}}},
                            {"usage", usage}});
  return body + sse("message_stop", {{"type", "message_stop"}});
}

const char* error_type(int status) {
  switch (status) {
    case 400:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 429:
      return "rate_limit_error";
    case 529:
      return "overloaded_error";
    default:
      return status >= 500 ? "api_error" : "invalid_request_error";
  }
}

class Anthropic final : public Dialect {
 public:
  std::string name() const override { return "anthropic"; }

  std::vector<ToolDecl> tools(const json& request) const override {
    std::vector<ToolDecl> declared;
    for (const json& tool : request.value("tools", json::array())) {
      // Server tools (web search, ...) carry a versioned type; client tools have none or "custom".
      if (tool.contains("type") && tool["type"] != "custom") continue;
      declared.push_back({tool.value("name", ""), tool.value("input_schema", json::object())});
    }
    return declared;
  }

  bool wants_stream(const json& request) const override { return request.value("stream", false); }

  Reply answer(const Exchange& exchange, const Turn& turn) const override {
    Reply reply;
    if (turn.kind == Turn::Kind::kToolCall) reply.tool = choose_tool(tools(exchange.request), turn);
    const ScriptUsage& u = turn.usage;
    reply.wire_usage = wire_usage(u);
    reply.usage = normalized_usage(u.input, u.cache_read, u.cache_write, u.output, std::nullopt);
    const json content = content_blocks(turn, reply.tool, exchange.sequence);
    const char* stop_reason = reply.tool ? "tool_use" : "end_turn";
    if (exchange.stream) {
      reply.content_type = "text/event-stream";
      reply.body = stream_body(exchange, content, stop_reason, reply.wire_usage);
    } else {
      reply.body = message(exchange, content, stop_reason, reply.wire_usage).dump();
    }
    return reply;
  }

  Reply error(int status, const std::string& message) const override {
    Reply reply;
    reply.status = status;
    reply.body =
        json{{"type", "error"}, {"error", {{"type", error_type(status)}, {"message", message}}}}
            .dump();
    return reply;
  }
};

}  // namespace

std::unique_ptr<Dialect> make_anthropic() { return std::make_unique<Anthropic>(); }

}  // namespace fake_llm
