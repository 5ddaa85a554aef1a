#include "runners/landed_agent/events.h"

#include <nlohmann/json.hpp>

namespace landed::agent {
namespace {

void put(nlohmann::json& event, const char* key, const Count& count) {
  if (count) event[key] = *count;
}

}  // namespace

void EventWriter::step(const std::string& model, const TokenUsage& usage) {
  nlohmann::json event = {{"event", "step"}};
  if (!model.empty()) event["model"] = model;
  put(event, "input_tokens", usage.input_tokens);
  put(event, "cache_read_tokens", usage.cache_read_tokens);
  put(event, "cache_write_tokens", usage.cache_write_tokens);
  put(event, "output_tokens", usage.output_tokens);
  put(event, "reasoning_tokens", usage.reasoning_tokens);
  out_ << event.dump() << std::endl;
}

void EventWriter::tool(const std::string& name) {
  out_ << nlohmann::json{{"event", "tool"}, {"name", name}}.dump() << std::endl;
}

void EventWriter::final(const std::string& status, const std::string& reason,
                        const std::string& model) {
  nlohmann::json event = {{"event", "final"}, {"status", status}, {"reason", reason}};
  if (!model.empty()) event["model"] = model;
  out_ << event.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << std::endl;
}

}  // namespace landed::agent
