#include "results/model/metered.h"

#include <algorithm>
#include <cstdlib>

namespace landed {
namespace {

bool differs(const Count& tool, const Count& metered) {
  if (!tool || !metered) return false;
  const std::int64_t gap = std::llabs(*tool - *metered);
  const double tolerance = std::max(1.0, 0.01 * static_cast<double>(std::max(*tool, *metered)));
  return static_cast<double>(gap) > tolerance;
}

}  // namespace

std::vector<std::string> usage_mismatch(const TokenUsage& tool, const TokenUsage& metered) {
  std::vector<std::string> kinds;
  if (differs(tool.input_tokens, metered.input_tokens)) kinds.push_back("input");
  if (differs(tool.cache_read_tokens, metered.cache_read_tokens)) kinds.push_back("cache_read");
  if (differs(tool.cache_write_tokens, metered.cache_write_tokens)) kinds.push_back("cache_write");
  if (differs(tool.output_tokens, metered.output_tokens)) kinds.push_back("output");
  if (differs(tool.reasoning_tokens, metered.reasoning_tokens)) kinds.push_back("reasoning");
  return kinds;
}

Usage metered_as_usage(const MeteredUsage& metered) {
  Usage usage;
  for (const MeteredModel& m : metered.by_model) usage.add_step(m.model, m.tokens, std::nullopt, m.calls);
  usage.tokens = metered.tokens;  // known zeros too, when no call was made
  usage.steps = metered.calls;
  return usage;
}

}  // namespace landed
