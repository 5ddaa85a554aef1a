// One API dialect of the fake server: how it reads the client's tools and streaming wish,
// and how it writes a scripted turn, its usage and an error in that API's own wire format.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tests/fake_llm/script.h"
#include "tests/fake_llm/tools.h"

namespace fake_llm {

/// Everything the server needs to answer one model request.
struct Exchange {
  nlohmann::json request;  // the parsed request body
  std::string model;
  bool stream = false;
  int sequence = 0;  // request number, for ids
};

/// An HTTP reply plus what the log says about it.
struct Reply {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  /// The scripted usage as a correct client of this API reads it, in landed's normalized
  /// field names (input_tokens uncached, ...); null for a count the API cannot express.
  nlohmann::json usage;
  nlohmann::json wire_usage;  // the usage object exactly as sent
  std::optional<ToolChoice> tool;
};

class Dialect {
 public:
  virtual ~Dialect() = default;
  /// "openai-responses", "openai-chat", "anthropic", "gemini".
  virtual std::string name() const = 0;
  virtual std::vector<ToolDecl> tools(const nlohmann::json& request) const = 0;
  virtual bool wants_stream(const nlohmann::json& request) const = 0;
  /// A tool-call or text turn.
  virtual Reply answer(const Exchange& exchange, const Turn& turn) const = 0;
  virtual Reply error(int status, const std::string& message) const = 0;
};

std::unique_ptr<Dialect> make_openai_responses();
std::unique_ptr<Dialect> make_openai_chat();
std::unique_ptr<Dialect> make_anthropic();
/// Gemini streams when the endpoint is :streamGenerateContent, as SSE when alt=sse.
std::unique_ptr<Dialect> make_gemini(bool sse);

/// "event: NAME\ndata: JSON\n\n" (NAME omitted when empty).
std::string sse(const std::string& event, const nlohmann::json& data);
/// Null when zero would be a lie: the API has no field for it.
nlohmann::json normalized_usage(std::int64_t input, std::optional<std::int64_t> cache_read,
                                std::optional<std::int64_t> cache_write, std::int64_t output,
                                std::optional<std::int64_t> reasoning);

}  // namespace fake_llm
