#include "runners/landed_agent/effort.h"

#include <charconv>
#include <map>

namespace landed::agent {

Result<std::optional<int>> anthropic_thinking_budget(const std::optional<std::string>& effort) {
  static const std::map<std::string, int> kBudgets = {{"minimal", 1024}, {"low", 4096},
                                                      {"medium", 10000}, {"high", 24000},
                                                      {"xhigh", 32000},  {"max", 32000}};
  if (!effort || effort->empty() || *effort == "none" || *effort == "off")
    return std::optional<int>();
  auto it = kBudgets.find(*effort);
  if (it != kBudgets.end()) return std::optional<int>(it->second);
  int tokens = 0;
  const char* end = effort->data() + effort->size();
  auto [ptr, ec] = std::from_chars(effort->data(), end, tokens);
  if (ec == std::errc() && ptr == end && tokens >= 1024) return std::optional<int>(tokens);
  return make_error(
      "effort \"{}\" has no Anthropic thinking budget (use none, minimal, low, medium, high, "
      "xhigh, max, or a number of tokens >= 1024)",
      *effort);
}

std::optional<std::string> openai_effort(const std::optional<std::string>& effort) {
  if (!effort || effort->empty()) return std::nullopt;
  return effort;
}

}  // namespace landed::agent
