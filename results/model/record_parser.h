// The one reader of a record's JSON line (records.jsonl, the history database's record_json):
// simdjson, filling one reused Record. The writer is results/model/record_json.h.
//
// Every field is parsed and checked at every depth, so every command counts the same lines as
// bad; the depth only says which fields are copied into the caller's Record.
#pragma once

#include <memory>
#include <string_view>

#include "harness/base/error.h"
#include "results/model/record.h"

namespace landed {

/// The field mask: which fields a command needs.
enum class ReadDepth {
  /// What reports need: identity (campaign_id, attempt_id, task_id, task_digest, repeat),
  /// contender, outcome, usage (tokens, steps, tool_calls, cost_usd_reported, models),
  /// cost_usd, price_status, unpriced_models, wall_time_s, scoring_version (merge checks it),
  /// patch (reports flag an attempt that edited hidden-test or protected paths), isolation,
  /// task_base_commit, reused_from (pooled reports count a reused copy once), and the metering
  /// fields (usage_source, metered, tool_usage, usage_mismatch: the report's reconciliation).
  /// Other fields keep their defaults.
  kSummary,
  /// Every field.
  kFull,
};

/// Why a line is not a record.
enum class LineFault {
  kNone,
  /// Not a JSON object, another schema, no valid outcome: the file is not (or no longer) a
  /// records file at that line.
  kMalformed,
  /// A record whose values landed cannot hold: a wrongly typed field, a count that is not a
  /// whole number in int64, a negative count or cost, a sum of tokens that overflows. Such a
  /// line is quarantined (skipped, counted, named) by the records reader.
  kBadValue,
};

class RecordParser {
 public:
  RecordParser();
  ~RecordParser();
  RecordParser(const RecordParser&) = delete;
  RecordParser& operator=(const RecordParser&) = delete;

  /// Parses `line` into `record` (reused: strings keep their capacity). The bytes after the
  /// line up to `capacity` must be readable: simdjson reads ahead in padded blocks.
  Status parse(std::string_view line, std::size_t capacity, Record& record,
               ReadDepth depth = ReadDepth::kFull);
  /// Copies the line into a padded buffer first.
  Status parse(std::string_view line, Record& record, ReadDepth depth = ReadDepth::kFull);

  /// What the last failed parse() found wrong.
  LineFault fault() const { return fault_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  LineFault fault_ = LineFault::kNone;
};

}  // namespace landed
