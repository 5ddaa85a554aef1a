// A shard of a campaign, "K/N" (1-based K): the one parser of that text, used by
// `landed run --shard`, campaign.json's options.shard and `landed merge`.
#pragma once

#include <string>
#include <string_view>

#include "harness/base/error.h"

namespace landed {

/// Shard K of N (1-based K): a deterministic slice of the attempts, by a hash of the attempt id.
struct Shard {
  int index = 1;
  int count = 1;
  bool operator==(const Shard&) const = default;
};

/// Parses "K/N" with 1 <= K <= N; anything else (signs, spaces, overflow) is an error.
Result<Shard> parse_shard(std::string_view text);

/// "K/N".
std::string to_string(const Shard& shard);

}  // namespace landed
