// OpenAI Responses (POST {base}/responses). Usage: input_tokens includes the cached tokens
// (input_tokens_details.cached_tokens); output_tokens includes reasoning. OpenAI bills no cache
// writes: they are known to be 0 (runners/README.md "Known-zero usage"). Output items go back into the input verbatim (reasoning included).
#include "runners/landed_agent/effort.h"
#include "runners/landed_agent/model_api.h"

namespace landed::agent {
namespace {

using nlohmann::json;

TokenUsage responses_usage(const json& response) {
  TokenUsage usage;
  if (!response.contains("usage") || !response["usage"].is_object()) return usage;
  const json& u = response["usage"];
  usage.cache_read_tokens = count_at(u, {"input_tokens_details", "cached_tokens"});
  usage.input_tokens = minus(count_at(u, {"input_tokens"}), usage.cache_read_tokens);
  usage.output_tokens = count_at(u, {"output_tokens"});
  usage.reasoning_tokens = count_at(u, {"output_tokens_details", "reasoning_tokens"});
  usage.cache_write_tokens = 0;
  return usage;
}

std::string message_text(const json& item) {
  std::string text;
  for (const json& part : item.value("content", json::array()))
    if (part.value("type", "") == "output_text") text += part.value("text", "");
  return text;
}

class OpenAiResponsesApi final : public ModelApi {
 public:
  std::string path() const override { return "/responses"; }

  Headers headers(const std::string& api_key) const override {
    if (api_key.empty()) return {};
    return {{"Authorization", "Bearer " + api_key}};
  }

  json start(const std::string& prompt) const override {
    return json::array({{{"role", "user"}, {"content", prompt}}});
  }

  Result<json> request(const RequestSettings& settings, const json& history) const override {
    json body = {{"model", settings.model},
                 {"instructions", settings.system_prompt},
                 {"input", history},
                 {"tools", json::array({{{"type", "function"},
                                         {"name", kShellToolName},
                                         {"description", kShellToolDescription},
                                         {"parameters", shell_tool_schema()}}})}};
    if (auto effort = openai_effort(settings.effort)) body["reasoning"] = {{"effort", *effort}};
    if (settings.max_tokens) body["max_output_tokens"] = *settings.max_tokens;
    return body;
  }

  Result<ModelReply> parse(const json& response) const override {
    if (!response.is_object() || !response.contains("output") || !response["output"].is_array())
      return make_error("a response without an output array");
    ModelReply reply;
    for (const json& item : response["output"]) {
      const std::string type = item.value("type", "");
      if (type == "message") reply.text += message_text(item);
      if (type == "function_call")
        reply.tool_calls.push_back(
            {item.value("call_id", ""), item.value("name", ""), item.value("arguments", "")});
    }
    reply.usage = responses_usage(response);
    reply.model = response.value("model", "");
    reply.echo = response["output"];
    return reply;
  }

  void append_reply(json& history, const ModelReply& reply) const override {
    for (const json& item : reply.echo) history.push_back(item);
  }

  void append_outputs(json& history, const std::vector<ToolOutput>& outputs) const override {
    for (const ToolOutput& out : outputs)
      history.push_back(
          {{"type", "function_call_output"}, {"call_id", out.call_id}, {"output", out.output}});
  }
};

}  // namespace

std::unique_ptr<ModelApi> make_openai_responses_api() {
  return std::make_unique<OpenAiResponsesApi>();
}

}  // namespace landed::agent
