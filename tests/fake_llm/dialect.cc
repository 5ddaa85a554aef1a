#include "tests/fake_llm/dialect.h"

namespace fake_llm {
namespace {

nlohmann::json or_null(const std::optional<std::int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

}  // namespace

std::string sse(const std::string& event, const nlohmann::json& data) {
  std::string out;
  if (!event.empty()) out += "event: " + event + "\n";
  out += "data: " + data.dump() + "\n\n";
  return out;
}

nlohmann::json normalized_usage(std::int64_t input, std::optional<std::int64_t> cache_read,
                                std::optional<std::int64_t> cache_write, std::int64_t output,
                                std::optional<std::int64_t> reasoning) {
  return {{"input_tokens", input},
          {"cache_read_tokens", or_null(cache_read)},
          {"cache_write_tokens", or_null(cache_write)},
          {"output_tokens", output},
          {"reasoning_tokens", or_null(reasoning)}};
}

}  // namespace fake_llm
