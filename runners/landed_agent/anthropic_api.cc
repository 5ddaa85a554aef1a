// Anthropic Messages (POST {base}/v1/messages). Usage: input_tokens excludes cache reads
// (cache_read_input_tokens) and writes (cache_creation_input_tokens); output_tokens includes
// thinking, which the API does not count apart: reasoning stays null.
#include "runners/landed_agent/effort.h"
#include "runners/landed_agent/model_api.h"

namespace landed::agent {
namespace {

using nlohmann::json;

/// Room for the answer on top of the thinking budget: max_tokens must exceed the budget.
constexpr int kDefaultMaxTokens = 8192;

TokenUsage anthropic_usage(const json& response) {
  TokenUsage usage;
  if (!response.contains("usage") || !response["usage"].is_object()) return usage;
  const json& u = response["usage"];
  usage.input_tokens = count_at(u, {"input_tokens"});
  usage.cache_read_tokens = count_at(u, {"cache_read_input_tokens"});
  usage.cache_write_tokens = count_at(u, {"cache_creation_input_tokens"});
  usage.output_tokens = count_at(u, {"output_tokens"});
  return usage;
}

class AnthropicApi final : public ModelApi {
 public:
  std::string path() const override { return "/v1/messages"; }

  Headers headers(const std::string& api_key) const override {
    Headers headers = {{"anthropic-version", "2023-06-01"}};
    if (!api_key.empty()) headers.emplace_back("x-api-key", api_key);
    return headers;
  }

  json start(const std::string& prompt) const override {
    return json::array({{{"role", "user"}, {"content", prompt}}});
  }

  Result<json> request(const RequestSettings& settings, const json& history) const override {
    LANDED_TRY(std::optional<int> budget, anthropic_thinking_budget(settings.effort));
    const int answer_tokens = settings.max_tokens.value_or(kDefaultMaxTokens);
    json body = {{"model", settings.model},
                 {"max_tokens", answer_tokens + budget.value_or(0)},
                 {"system", settings.system_prompt},
                 {"messages", history},
                 {"tools", json::array({{{"name", kShellToolName},
                                         {"description", kShellToolDescription},
                                         {"input_schema", shell_tool_schema()}}})}};
    if (budget) body["thinking"] = {{"type", "enabled"}, {"budget_tokens", *budget}};
    return body;
  }

  Result<ModelReply> parse(const json& response) const override {
    if (!response.is_object() || !response.contains("content") || !response["content"].is_array())
      return make_error("a message without a content array");
    ModelReply reply;
    for (const json& block : response["content"]) {
      const std::string type = block.value("type", "");
      if (type == "text") reply.text += block.value("text", "");
      if (type == "tool_use")
        reply.tool_calls.push_back({block.value("id", ""), block.value("name", ""),
                                    block.value("input", json::object()).dump()});
    }
    reply.usage = anthropic_usage(response);
    reply.model = response.value("model", "");
    reply.echo = {{"role", "assistant"}, {"content", response["content"]}};
    return reply;
  }

  void append_reply(json& history, const ModelReply& reply) const override {
    history.push_back(reply.echo);
  }

  void append_outputs(json& history, const std::vector<ToolOutput>& outputs) const override {
    json results = json::array();
    for (const ToolOutput& out : outputs)
      results.push_back(
          {{"type", "tool_result"}, {"tool_use_id", out.call_id}, {"content", out.output}});
    history.push_back({{"role", "user"}, {"content", results}});
  }
};

}  // namespace

std::unique_ptr<ModelApi> make_anthropic_api() { return std::make_unique<AnthropicApi>(); }

}  // namespace landed::agent
