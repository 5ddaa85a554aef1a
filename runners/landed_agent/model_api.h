// The API-neutral side of landed-agent: one model call's reply, the tool outputs that go back,
// and the interface each API client implements as pure functions (request building, response
// parsing, history keeping), so they are tested without a network.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/base/error.h"
#include "results/model/usage.h"

namespace landed::agent {

/// The one tool the agent offers: a shell command run in the sandbox.
inline constexpr const char* kShellToolName = "shell";
inline constexpr const char* kShellToolDescription =
    "Run a command with /bin/sh -c in the repository (your current directory). Returns the exit "
    "status and the combined stdout and stderr, truncated to about 16 KB.";
/// The JSON schema of the shell tool's arguments: {"command": string}.
nlohmann::json shell_tool_schema();

enum class ApiKind { kOpenAiChat, kOpenAiResponses, kAnthropic };
Result<ApiKind> parse_api_kind(const std::string& name);
std::string to_string(ApiKind kind);

struct ToolCall {
  std::string id;
  std::string name;
  std::string arguments;  // JSON text, as the model wrote it
};

struct ModelReply {
  std::string text;
  std::vector<ToolCall> tool_calls;
  TokenUsage usage;     // normalized: uncached input, cache read/write, output incl. reasoning
  std::string model;    // as the API reported it
  nlohmann::json echo;  // the assistant's turn, as it goes back into the history
};

struct ToolOutput {
  std::string call_id;
  std::string output;
};

struct RequestSettings {
  std::string model;
  std::optional<std::string> effort;
  std::optional<int> max_tokens;
  std::string system_prompt;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

class ModelApi {
 public:
  virtual ~ModelApi() = default;
  /// Appended to the base URL, e.g. "/chat/completions".
  virtual std::string path() const = 0;
  virtual Headers headers(const std::string& api_key) const = 0;
  /// The conversation's first state: the user's prompt.
  virtual nlohmann::json start(const std::string& prompt) const = 0;
  /// The request body for the next call; fails on an effort level the API cannot express.
  virtual Result<nlohmann::json> request(const RequestSettings& settings,
                                         const nlohmann::json& history) const = 0;
  virtual Result<ModelReply> parse(const nlohmann::json& response) const = 0;
  virtual void append_reply(nlohmann::json& history, const ModelReply& reply) const = 0;
  virtual void append_outputs(nlohmann::json& history,
                              const std::vector<ToolOutput>& outputs) const = 0;
};

std::unique_ptr<ModelApi> make_openai_chat_api();
std::unique_ptr<ModelApi> make_openai_responses_api();
std::unique_ptr<ModelApi> make_anthropic_api();
std::unique_ptr<ModelApi> make_model_api(ApiKind kind);

/// The provider's error message from an error body ({"error": {"message": ...}} and kin),
/// else the body itself, shortened.
std::string api_error_message(const std::string& body);

/// A non-negative integer at `path` inside `object`, else null.
Count count_at(const nlohmann::json& object, std::initializer_list<const char*> path);
/// `total` minus the known parts; null when `total` is null.
Count minus(const Count& total, const Count& part);

}  // namespace landed::agent
