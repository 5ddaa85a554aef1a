#include "runners/landed_agent/model_api.h"

namespace landed::agent {

using nlohmann::json;

json shell_tool_schema() {
  return {{"type", "object"},
          {"properties",
           {{"command", {{"type", "string"}, {"description", "the shell command to run"}}}}},
          {"required", json::array({"command"})},
          {"additionalProperties", false}};
}

Result<ApiKind> parse_api_kind(const std::string& name) {
  if (name == "openai-chat") return ApiKind::kOpenAiChat;
  if (name == "openai-responses") return ApiKind::kOpenAiResponses;
  if (name == "anthropic") return ApiKind::kAnthropic;
  return make_error("unknown API \"{}\" (known: openai-chat, openai-responses, anthropic)", name);
}

std::string to_string(ApiKind kind) {
  switch (kind) {
    case ApiKind::kOpenAiChat:
      return "openai-chat";
    case ApiKind::kOpenAiResponses:
      return "openai-responses";
    case ApiKind::kAnthropic:
      return "anthropic";
  }
  return "unknown";
}

std::unique_ptr<ModelApi> make_model_api(ApiKind kind) {
  switch (kind) {
    case ApiKind::kOpenAiChat:
      return make_openai_chat_api();
    case ApiKind::kOpenAiResponses:
      return make_openai_responses_api();
    case ApiKind::kAnthropic:
      return make_anthropic_api();
  }
  return nullptr;
}

std::string api_error_message(const std::string& body) {
  const json parsed = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_object()) {
    auto error = parsed.find("error");
    if (error != parsed.end() && error->is_object() && error->contains("message") &&
        (*error)["message"].is_string())
      return (*error)["message"].get<std::string>();
    if (error != parsed.end() && error->is_string()) return error->get<std::string>();
    if (parsed.contains("message") && parsed["message"].is_string())
      return parsed["message"].get<std::string>();
  }
  constexpr std::size_t kMaxShown = 300;
  return body.size() > kMaxShown ? body.substr(0, kMaxShown) + "..." : body;
}

Count count_at(const json& object, std::initializer_list<const char*> path) {
  const json* node = &object;
  for (const char* key : path) {
    if (!node->is_object()) return std::nullopt;
    auto it = node->find(key);
    if (it == node->end()) return std::nullopt;
    node = &*it;
  }
  if (!node->is_number_integer() || node->get<std::int64_t>() < 0) return std::nullopt;
  return node->get<std::int64_t>();
}

Count minus(const Count& total, const Count& part) {
  if (!total) return std::nullopt;
  return *total - part.value_or(0);
}

}  // namespace landed::agent
