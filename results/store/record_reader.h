// Streaming reader of a campaign's records.jsonl: one record at a time, in bounded memory,
// so a report over millions of records never holds them all.
//
// A torn final line (a writer killed mid-append) is tolerated and counted; a malformed line
// anywhere else is an error naming file:line, because it means the file is corrupt.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>

#include "harness/base/error.h"
#include "results/model/record.h"

namespace landed {

enum class ReadDepth {
  /// The fields reports need, parsed with simdjson: identity (campaign_id, attempt_id,
  /// task_id, repeat), contender, outcome, usage (tokens, steps, tool_calls,
  /// cost_usd_reported, models), cost_usd, price_status, unpriced_models, wall_time_s.
  /// Every other field is left at its default.
  kSummary,
  /// Every field, through parse_record_line (nlohmann): slower, complete.
  kFull,
};

struct ReadSummary {
  std::int64_t records = 0;
  std::int64_t lines = 0;       // lines seen, blank ones included
  std::int64_t torn_lines = 0;  // 0 or 1: an unparsable final line without a newline
};

/// Called once per record. The Record is reused between calls: copy what you keep.
/// An error from the callback stops the read and is returned.
using RecordCallback = std::function<Status(const Record&)>;

Result<ReadSummary> for_each_record(const std::filesystem::path& path,
                                    const RecordCallback& callback,
                                    ReadDepth depth = ReadDepth::kSummary);

/// Called with the shard (0..shards-1) that read the record. Shards run on their own
/// threads, so calls for different shards are concurrent; within a shard, file order.
using ShardCallback = std::function<Status(int shard, const Record&)>;

/// Splits the file into `shards` byte ranges at line boundaries and reads them in parallel
/// (one thread each; fewer shards for a small file). Errors still name file:line.
Result<ReadSummary> for_each_record_sharded(const std::filesystem::path& path, int shards,
                                            const ShardCallback& callback,
                                            ReadDepth depth = ReadDepth::kSummary);

/// How many shards a file of `bytes` deserves on this machine: 1 below 32 MiB, else up to
/// the hardware threads (at most 8).
int default_shards(std::uintmax_t bytes);

}  // namespace landed
