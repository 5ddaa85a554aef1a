// Usage from the providers' own replies: the usage block of a JSON body, or of the events of an
// SSE stream, in each wire format the agents speak (OpenAI Chat Completions and Responses,
// Anthropic Messages, Gemini generateContent / streamGenerateContent), normalized like Usage:
// input = uncached input, output includes reasoning, reasoning a subset of output.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "harness/meter/sse_events.h"
#include "results/model/usage.h"

namespace landed {

enum class WireFormat { kNone, kOpenAIChat, kOpenAIResponses, kAnthropic, kGemini };
std::string_view to_string(WireFormat format);

/// The wire format of a model call, from its method and path (query excluded); kNone for
/// anything else (token counting, model lists, probes): forwarded, but not a model call.
WireFormat wire_format_of(std::string_view method, std::string_view path);

/// What one model call's reply said about itself.
struct CallUsage {
  bool known = false;         // a complete usage block was read
  std::string problem;        // why not: "no usage block", "malformed JSON body", ...
  TokenUsage tokens;
  Count cache_write_1h_tokens;  // Anthropic: 1-hour cache writes (part of cache_write)
  std::string model;          // the model the provider says it served; empty if it did not
  std::string service_tier;   // when the reply names one
};

/// Reads a reply as it streams through, keeping only what usage needs: the current SSE event,
/// or a JSON body up to `max_body_bytes`.
class UsageScanner {
 public:
  UsageScanner(WireFormat format, bool event_stream, std::size_t max_body_bytes = 32 << 20);
  void feed(std::string_view bytes);
  /// `whole`: the reply arrived to its end (false when the upstream or the client cut it).
  CallUsage finish(bool whole);

 private:
  void on_event(std::string_view data);
  void absorb(const nlohmann::json& document);

  WireFormat format_;
  bool event_stream_;
  std::size_t max_body_bytes_;
  std::string body_;
  bool body_overflowed_ = false;
  std::unique_ptr<SseEvents> events_;
  CallUsage usage_;
  bool final_seen_ = false;   // the event or body that carries the final usage was read
  std::string bad_event_;     // the first problem seen in the stream
};

}  // namespace landed
