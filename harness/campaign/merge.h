// `landed merge`: shard campaigns (`landed run --shard K/N`) joined into one campaign folder.
// Refuses shards of different suites (suite digest) or configs (contender fingerprints,
// repeats, shard count), shards scored by different landed scoring versions (unless allowed),
// the same shard twice, and any attempt recorded in two shards.
// Records are read through the records reader (torn, quarantined and duplicate lines are not
// copied). A merged campaign missing records (a shard not given, without records.jsonl,
// ending in a torn line, with quarantined lines, unfinished, or holding fewer records than it
// planned) is written with status "incomplete" and the reasons in `incomplete_because`.
// The folder is written as a temporary sibling of --out and renamed into place.
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
  std::string status;                // complete, capped or incomplete
  std::vector<std::string> incomplete;  // why records are missing; empty when none are
};

struct MergeOptions {
  /// Join shards whose records were made by different scoring versions (a shard rerun with a
  /// newer landed): the merged campaign.json lists the versions under `scoring_versions`.
  bool allow_mixed_versions = false;
};

Result<MergeResult> merge_campaigns(const std::vector<std::filesystem::path>& shards,
                                    const std::filesystem::path& out,
                                    const MergeOptions& options = {});

}  // namespace landed
