// Gemini (POST /v1beta/models/{model}:generateContent and :streamGenerateContent): usage where
// promptTokenCount includes cachedContentTokenCount and thoughtsTokenCount is apart from
// candidatesTokenCount. A stream is one chunk: SSE with alt=sse, else a JSON array.
#include "tests/fake_llm/dialect.h"

namespace fake_llm {
namespace {

using nlohmann::json;

json wire_usage(const ScriptUsage& u) {
  const std::int64_t prompt = u.input + u.cache_read + u.cache_write;
  return {{"promptTokenCount", prompt},
          {"cachedContentTokenCount", u.cache_read},
          {"candidatesTokenCount", u.output - u.reasoning},
          {"thoughtsTokenCount", u.reasoning},
          {"totalTokenCount", prompt + u.output}};
}

json parts(const Turn& turn, const std::optional<ToolChoice>& tool) {
  json out = json::array();
  if (!turn.text.empty()) out.push_back({{"text", turn.text}});
  if (tool) out.push_back({{"functionCall", {{"name", tool->name}, {"args", tool->arguments}}}});
  return out;
}

json response(const Exchange& exchange, const json& content_parts, const json& usage) {
  return {{"candidates", json::array({{{"content", {{"role", "model"}, {"parts", content_parts}}},
                                       {"finishReason", "STOP"},
                                       {"index", 0}}})},
          {"usageMetadata", usage},
          {"modelVersion", exchange.model},
          {"responseId", fmt::format("resp-{}", exchange.sequence)}};
}

const char* error_status(int status) {
  switch (status) {
    case 400:
      return "INVALID_ARGUMENT";
    case 401:
      return "UNAUTHENTICATED";
    case 403:
      return "PERMISSION_DENIED";
    case 404:
      return "NOT_FOUND";
    case 429:
      return "RESOURCE_EXHAUSTED";
    case 503:
      return "UNAVAILABLE";
    default:
      return status >= 500 ? "INTERNAL" : "FAILED_PRECONDITION";
  }
}

class Gemini final : public Dialect {
 public:
  explicit Gemini(bool sse) : sse_(sse) {}

  std::string name() const override { return "gemini"; }

  std::vector<ToolDecl> tools(const json& request) const override {
    std::vector<ToolDecl> declared;
    for (const json& tool : request.value("tools", json::array()))
      for (const json& function : tool.value("functionDeclarations", json::array())) {
        json schema = function.value("parametersJsonSchema", json());
        if (schema.is_null()) schema = function.value("parameters", json::object());
        declared.push_back({function.value("name", ""), schema});
      }
    return declared;
  }

  /// Decided by the endpoint, not the body: the server sets Exchange::stream itself.
  bool wants_stream(const json&) const override { return false; }

  Reply answer(const Exchange& exchange, const Turn& turn) const override {
    Reply reply;
    if (turn.kind == Turn::Kind::kToolCall) reply.tool = choose_tool(tools(exchange.request), turn);
    const ScriptUsage& u = turn.usage;
    reply.wire_usage = wire_usage(u);
    reply.usage = normalized_usage(u.input + u.cache_write, u.cache_read, std::nullopt, u.output,
                                   u.reasoning);
    const json body = response(exchange, parts(turn, reply.tool), reply.wire_usage);
    if (exchange.stream && sse_) {
      reply.content_type = "text/event-stream";
      reply.body = "data: " + body.dump() + "\r\n\r\n";
    } else {
      reply.body = exchange.stream ? json::array({body}).dump() : body.dump();
    }
    return reply;
  }

  Reply error(int status, const std::string& message) const override {
    Reply reply;
    reply.status = status;
    reply.body =
        json{{"error", {{"code", status}, {"message", message}, {"status", error_status(status)}}}}
            .dump();
    return reply;
  }

 private:
  bool sse_;
};

}  // namespace

std::unique_ptr<Dialect> make_gemini(bool sse) { return std::make_unique<Gemini>(sse); }

}  // namespace fake_llm
