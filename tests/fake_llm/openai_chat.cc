// OpenAI Chat Completions (POST /v1/chat/completions): usage where prompt_tokens includes
// cached tokens and completion_tokens includes reasoning. A stream carries usage only when the
// request set stream_options.include_usage, in a last chunk with no choices.
#include <ctime>

#include "tests/fake_llm/dialect.h"

namespace fake_llm {
namespace {

using nlohmann::json;

json wire_usage(const ScriptUsage& u) {
  const std::int64_t prompt = u.input + u.cache_read + u.cache_write;
  return {{"prompt_tokens", prompt},
          {"completion_tokens", u.output},
          {"total_tokens", prompt + u.output},
          {"prompt_tokens_details", {{"cached_tokens", u.cache_read}}},
          {"completion_tokens_details", {{"reasoning_tokens", u.reasoning}}}};
}

json tool_calls(const ToolChoice& tool, int sequence) {
  return json::array({{{"id", fmt::format("call_{}", sequence)},
                       {"type", "function"},
                       {"function", {{"name", tool.name}, {"arguments", tool.arguments.dump()}}}}});
}

json chunk(const Exchange& exchange, const json& choices) {
  return {{"id", fmt::format("chatcmpl-{}", exchange.sequence)},
          {"object", "chat.completion.chunk"},
          {"created", static_cast<std::int64_t>(std::time(nullptr))},
          {"model", exchange.model},
          {"choices", choices}};
}

json delta_choice(const json& delta, const json& finish_reason = nullptr) {
  return json::array({{{"index", 0}, {"delta", delta}, {"finish_reason", finish_reason}}});
}

std::string stream_body(const Exchange& exchange, const Turn& turn, const Reply& reply) {
  std::string body =
      sse("", chunk(exchange, delta_choice({{"role", "assistant"}, {"content", ""}})));
  if (!turn.text.empty()) body += sse("", chunk(exchange, delta_choice({{"content", turn.text}})));
  if (reply.tool) {
    json call = tool_calls(*reply.tool, exchange.sequence)[0];
    const json arguments = call["function"]["arguments"];
    call["index"] = 0;
    call["function"]["arguments"] = "";
    body += sse("", chunk(exchange, delta_choice({{"tool_calls", json::array({call})}})));
    const json rest = {{"index", 0}, {"function", {{"arguments", arguments}}}};
    body += sse("", chunk(exchange, delta_choice({{"tool_calls", json::array({rest})}})));
  }
  const char* finish = reply.tool ? "tool_calls" : "stop";
  body += sse("", chunk(exchange, delta_choice(json::object(), finish)));
  if (!reply.wire_usage.is_null()) {
    json last = chunk(exchange, json::array());
    last["usage"] = reply.wire_usage;
    body += sse("", last);
  }
  return body + "data: [DONE]\n\n";
}

json completion(const Exchange& exchange, const Turn& turn, const Reply& reply) {
  json message = {{"role", "assistant"},
                  {"content", turn.text.empty() ? json(nullptr) : json(turn.text)}};
  if (reply.tool) message["tool_calls"] = tool_calls(*reply.tool, exchange.sequence);
  return {{"id", fmt::format("chatcmpl-{}", exchange.sequence)},
          {"object", "chat.completion"},
          {"created", static_cast<std::int64_t>(std::time(nullptr))},
          {"model", exchange.model},
          {"choices", json::array({{{"index", 0},
                                    {"message", message},
                                    {"finish_reason", reply.tool ? "tool_calls" : "stop"}}})},
          {"usage", reply.wire_usage}};
}

bool include_usage(const json& request) {
  auto it = request.find("stream_options");
  return it != request.end() && it->is_object() && it->value("include_usage", false);
}

class OpenAiChat final : public Dialect {
 public:
  std::string name() const override { return "openai-chat"; }

  std::vector<ToolDecl> tools(const json& request) const override {
    std::vector<ToolDecl> declared;
    for (const json& tool : request.value("tools", json::array())) {
      if (tool.value("type", "") != "function" || !tool.contains("function")) continue;
      const json& function = tool["function"];
      declared.push_back(
          {function.value("name", ""), function.value("parameters", json::object())});
    }
    return declared;
  }

  bool wants_stream(const json& request) const override { return request.value("stream", false); }

  Reply answer(const Exchange& exchange, const Turn& turn) const override {
    Reply reply;
    if (turn.kind == Turn::Kind::kToolCall) reply.tool = choose_tool(tools(exchange.request), turn);
    const ScriptUsage& u = turn.usage;
    const bool has_usage = !exchange.stream || include_usage(exchange.request);
    reply.wire_usage = has_usage ? wire_usage(u) : json(nullptr);
    reply.usage = has_usage ? normalized_usage(u.input + u.cache_write, u.cache_read, 0,
                                               u.output, u.reasoning)
                            : json(nullptr);
    if (exchange.stream) {
      reply.content_type = "text/event-stream";
      reply.body = stream_body(exchange, turn, reply);
    } else {
      reply.body = completion(exchange, turn, reply).dump();
    }
    return reply;
  }

  Reply error(int status, const std::string& message) const override {
    Reply reply;
    reply.status = status;
    const char* type = status == 429   ? "rate_limit_exceeded"
                       : status >= 500 ? "server_error"
                                       : "invalid_request_error";
    reply.body = json{{"error", {{"message", message}, {"type", type}, {"code", type}}}}.dump();
    return reply;
  }
};

}  // namespace

std::unique_ptr<Dialect> make_openai_chat() { return std::make_unique<OpenAiChat>(); }

}  // namespace fake_llm
