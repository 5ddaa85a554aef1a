#include "results/model/shard_spec.h"

#include <charconv>

namespace landed {
namespace {

/// A whole decimal number with nothing around it.
bool parse_int(std::string_view text, int& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return !text.empty() && ec == std::errc() && ptr == end;
}

}  // namespace

Result<Shard> parse_shard(std::string_view text) {
  Shard shard;
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos || !parse_int(text.substr(0, slash), shard.index) ||
      !parse_int(text.substr(slash + 1), shard.count))
    return make_error("--shard {}: expected K/N, e.g. 2/8", text);
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count)
    return make_error("--shard {}: K must be between 1 and N", text);
  return shard;
}

std::string to_string(const Shard& shard) {
  return std::to_string(shard.index) + "/" + std::to_string(shard.count);
}

}  // namespace landed
