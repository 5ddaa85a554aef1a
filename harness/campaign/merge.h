// `landed merge`: shard campaigns (`landed run --shard K/N`) joined into one campaign folder.
// Refuses shards of different suites (suite digest) or configs (contender fingerprints,
// repeats, shard count), the same shard twice, and any attempt recorded in two shards.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/base/error.h"

namespace landed {

struct MergeResult {
  std::string campaign_id;
  std::size_t records = 0;
  std::vector<int> missing_shards;   // 1-based shards of N not given (the merge still happens)
};

Result<MergeResult> merge_campaigns(const std::vector<std::filesystem::path>& shards,
                                    const std::filesystem::path& out);

}  // namespace landed
