#include "harness/meter/wire_usage.h"

namespace landed {
namespace {

using nlohmann::json;

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// A non-negative integer field, else null.
Count count_at(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  const auto value = it->get<std::int64_t>();
  return value < 0 ? Count() : Count(value);
}

const json& member(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string string_at(const json& object, const char* key) {
  const json& value = member(object, key);
  return value.is_string() ? value.get<std::string>() : std::string();
}

void set_if(Count& target, const Count& value) {
  if (value) target = value;
}

/// Anthropic Messages: input excludes cache reads and writes; no reasoning field.
void read_anthropic(const json& usage, CallUsage& call) {
  set_if(call.tokens.input_tokens, count_at(usage, "input_tokens"));
  set_if(call.tokens.cache_read_tokens, count_at(usage, "cache_read_input_tokens"));
  set_if(call.tokens.cache_write_tokens, count_at(usage, "cache_creation_input_tokens"));
  set_if(call.tokens.output_tokens, count_at(usage, "output_tokens"));
  set_if(call.cache_write_1h_tokens,
         count_at(member(usage, "cache_creation"), "ephemeral_1h_input_tokens"));
  if (auto tier = string_at(usage, "service_tier"); !tier.empty()) call.service_tier = tier;
}

/// OpenAI: input includes cached input; output includes reasoning; no cache-write charge (writes
/// are billed as input): cache_write is a known 0, as the codex runner records it.
void read_openai(const json& usage, const char* input_key, const char* output_key,
                 const char* input_details, const char* output_details, CallUsage& call) {
  const Count input = count_at(usage, input_key);
  const Count cached = count_at(member(usage, input_details), "cached_tokens");
  if (input) call.tokens.input_tokens = std::max<std::int64_t>(0, *input - cached.value_or(0));
  call.tokens.cache_read_tokens = input ? Count(cached.value_or(0)) : Count();
  call.tokens.cache_write_tokens = input ? Count(0) : Count();
  call.tokens.output_tokens = count_at(usage, output_key);
  call.tokens.reasoning_tokens = count_at(member(usage, output_details), "reasoning_tokens");
}

/// Gemini: promptTokenCount includes the cached part; thoughts are apart from candidates.
void read_gemini(const json& usage, CallUsage& call) {
  const Count prompt = count_at(usage, "promptTokenCount");
  if (!prompt) return;
  const std::int64_t cached = count_at(usage, "cachedContentTokenCount").value_or(0);
  const std::int64_t tool_prompt = count_at(usage, "toolUsePromptTokenCount").value_or(0);
  const std::int64_t thoughts = count_at(usage, "thoughtsTokenCount").value_or(0);
  call.tokens.input_tokens = std::max<std::int64_t>(0, *prompt - cached) + tool_prompt;
  call.tokens.cache_read_tokens = cached;
  call.tokens.cache_write_tokens = 0;  // no per-request cache-write charge (as gemini-cli's runner)
  call.tokens.output_tokens = count_at(usage, "candidatesTokenCount").value_or(0) + thoughts;
  call.tokens.reasoning_tokens = thoughts;
}

bool gemini_finished(const json& document) {
  const json& candidates = member(document, "candidates");
  if (!candidates.is_array()) return false;
  for (const json& candidate : candidates)
    if (!member(candidate, "finishReason").is_null()) return true;
  return false;
}

}  // namespace

std::string_view to_string(WireFormat format) {
  switch (format) {
    case WireFormat::kOpenAIChat: return "openai-chat";
    case WireFormat::kOpenAIResponses: return "openai-responses";
    case WireFormat::kAnthropic: return "anthropic";
    case WireFormat::kGemini: return "gemini";
    case WireFormat::kNone: break;
  }
  return "none";
}

WireFormat wire_format_of(std::string_view method, std::string_view path) {
  if (method != "POST") return WireFormat::kNone;
  if (ends_with(path, "/chat/completions")) return WireFormat::kOpenAIChat;
  if (ends_with(path, "/responses")) return WireFormat::kOpenAIResponses;
  if (ends_with(path, "/messages")) return WireFormat::kAnthropic;
  if (ends_with(path, ":generateContent") || ends_with(path, ":streamGenerateContent"))
    return WireFormat::kGemini;
  return WireFormat::kNone;
}

UsageScanner::UsageScanner(WireFormat format, bool event_stream, std::size_t max_body_bytes)
    : format_(format), event_stream_(event_stream), max_body_bytes_(max_body_bytes) {
  if (event_stream_)
    events_ = std::make_unique<SseEvents>([this](std::string_view data) { on_event(data); },
                                          max_body_bytes_);
}

void UsageScanner::feed(std::string_view bytes) {
  if (event_stream_) return events_->feed(bytes);
  if (body_overflowed_) return;
  if (body_.size() + bytes.size() > max_body_bytes_) {
    body_overflowed_ = true;
    body_.clear();
    return;
  }
  body_.append(bytes);
}

void UsageScanner::on_event(std::string_view data) {
  if (data == "[DONE]") return;  // the end marker of OpenAI Chat streams
  json document = json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) {
    if (bad_event_.empty()) bad_event_ = "a non-JSON SSE event";
    return;
  }
  absorb(document);
}

void UsageScanner::absorb(const json& document) {
  if (document.is_array()) {  // streamGenerateContent without alt=sse: one array of chunks
    for (const json& chunk : document) absorb(chunk);
    return;
  }
  const std::string type = string_at(document, "type");
  switch (format_) {
    case WireFormat::kAnthropic:
      if (type == "message_start") {
        usage_.model = string_at(member(document, "message"), "model");
        read_anthropic(member(member(document, "message"), "usage"), usage_);
      } else if (type == "message_delta" || type == "message") {
        if (type == "message") usage_.model = string_at(document, "model");
        read_anthropic(member(document, "usage"), usage_);
        final_seen_ = member(document, "usage").is_object();
      }
      break;
    case WireFormat::kOpenAIResponses: {
      const json& response = type.empty() ? document : member(document, "response");
      if (auto model = string_at(response, "model"); !model.empty()) usage_.model = model;
      if (auto tier = string_at(response, "service_tier"); !tier.empty()) usage_.service_tier = tier;
      const json& usage = member(response, "usage");
      if (usage.is_object()) {
        read_openai(usage, "input_tokens", "output_tokens", "input_tokens_details",
                    "output_tokens_details", usage_);
        final_seen_ = true;
      }
      break;
    }
    case WireFormat::kOpenAIChat: {
      if (auto model = string_at(document, "model"); !model.empty()) usage_.model = model;
      if (auto tier = string_at(document, "service_tier"); !tier.empty()) usage_.service_tier = tier;
      const json& usage = member(document, "usage");
      if (usage.is_object()) {
        read_openai(usage, "prompt_tokens", "completion_tokens", "prompt_tokens_details",
                    "completion_tokens_details", usage_);
        final_seen_ = true;
      }
      break;
    }
    case WireFormat::kGemini:
      if (auto model = string_at(document, "modelVersion"); !model.empty()) usage_.model = model;
      if (member(document, "usageMetadata").is_object()) {
        read_gemini(member(document, "usageMetadata"), usage_);
        // Every chunk carries the usage so far: it is final once a candidate has finished.
        final_seen_ = final_seen_ || gemini_finished(document) || !event_stream_;
      }
      break;
    case WireFormat::kNone: break;
  }
}

CallUsage UsageScanner::finish(bool whole) {
  if (event_stream_) {
    if (!events_->finish(whole) && events_->overflowed() && bad_event_.empty())
      bad_event_ = "an SSE event over the size limit";
  } else if (body_overflowed_) {
    bad_event_ = "a body over the size limit";
  } else {
    json document = json::parse(body_, nullptr, /*allow_exceptions=*/false);
    if (document.is_discarded()) bad_event_ = whole ? "a malformed JSON body" : "a truncated body";
    else absorb(document);
  }
  CallUsage result = usage_;
  if (!bad_event_.empty()) {
    result.problem = bad_event_;
  } else if (!final_seen_ || !result.tokens.input_tokens || !result.tokens.output_tokens) {
    result.problem = whole ? "no usage block" : "the reply was cut before its usage block";
  } else {
    result.known = true;
    if (format_ == WireFormat::kAnthropic) {  // an absent cache field is a provider's zero
      if (!result.tokens.cache_read_tokens) result.tokens.cache_read_tokens = 0;
      if (!result.tokens.cache_write_tokens) result.tokens.cache_write_tokens = 0;
    }
  }
  if (!result.known) result.tokens = TokenUsage{};
  return result;
}

}  // namespace landed
