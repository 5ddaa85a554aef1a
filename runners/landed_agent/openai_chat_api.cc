// OpenAI Chat Completions (POST {base}/chat/completions). Usage: prompt_tokens includes the
// cached tokens (prompt_tokens_details.cached_tokens); completion_tokens includes reasoning.
// OpenAI bills no cache writes: they are known to be 0 (runners/README.md "Known-zero usage").
#include "runners/landed_agent/effort.h"
#include "runners/landed_agent/model_api.h"

namespace landed::agent {
namespace {

using nlohmann::json;

TokenUsage chat_usage(const json& response) {
  TokenUsage usage;
  if (!response.contains("usage") || !response["usage"].is_object()) return usage;
  const json& u = response["usage"];
  usage.cache_read_tokens = count_at(u, {"prompt_tokens_details", "cached_tokens"});
  usage.input_tokens = minus(count_at(u, {"prompt_tokens"}), usage.cache_read_tokens);
  usage.output_tokens = count_at(u, {"completion_tokens"});
  usage.reasoning_tokens = count_at(u, {"completion_tokens_details", "reasoning_tokens"});
  usage.cache_write_tokens = 0;
  return usage;
}

std::vector<ToolCall> chat_tool_calls(const json& message) {
  std::vector<ToolCall> calls;
  for (const json& call : message.value("tool_calls", json::array())) {
    const json function = call.value("function", json::object());
    calls.push_back(
        {call.value("id", ""), function.value("name", ""), function.value("arguments", "")});
  }
  return calls;
}

class OpenAiChatApi final : public ModelApi {
 public:
  std::string path() const override { return "/chat/completions"; }

  Headers headers(const std::string& api_key) const override {
    if (api_key.empty()) return {};
    return {{"Authorization", "Bearer " + api_key}};
  }

  json start(const std::string& prompt) const override {
    return json::array({{{"role", "user"}, {"content", prompt}}});
  }

  Result<json> request(const RequestSettings& settings, const json& history) const override {
    json messages = json::array({{{"role", "system"}, {"content", settings.system_prompt}}});
    messages.insert(messages.end(), history.begin(), history.end());
    json body = {{"model", settings.model},
                 {"messages", messages},
                 {"tools", json::array({{{"type", "function"},
                                         {"function",
                                          {{"name", kShellToolName},
                                           {"description", kShellToolDescription},
                                           {"parameters", shell_tool_schema()}}}}})}};
    if (auto effort = openai_effort(settings.effort)) body["reasoning_effort"] = *effort;
    if (settings.max_tokens) body["max_completion_tokens"] = *settings.max_tokens;
    return body;
  }

  Result<ModelReply> parse(const json& response) const override {
    if (!response.is_object() || !response.contains("choices") || !response["choices"].is_array() ||
        response["choices"].empty() || !response["choices"][0].contains("message"))
      return make_error("a chat completion without choices[0].message");
    const json& message = response["choices"][0]["message"];
    ModelReply reply;
    if (message.contains("content") && message["content"].is_string())
      reply.text = message["content"].get<std::string>();
    reply.tool_calls = chat_tool_calls(message);
    reply.usage = chat_usage(response);
    reply.model = response.value("model", "");
    reply.echo = message;
    return reply;
  }

  void append_reply(json& history, const ModelReply& reply) const override {
    history.push_back(reply.echo);
  }

  void append_outputs(json& history, const std::vector<ToolOutput>& outputs) const override {
    for (const ToolOutput& out : outputs)
      history.push_back({{"role", "tool"}, {"tool_call_id", out.call_id}, {"content", out.output}});
  }
};

}  // namespace

std::unique_ptr<ModelApi> make_openai_chat_api() { return std::make_unique<OpenAiChatApi>(); }

}  // namespace landed::agent
