// campaign.json: a campaign's metadata, beside its records.jsonl. One type owns both the
// reader and the writer; every other part of landed goes through it. The fields landed reads
// are typed (a wrongly typed one is an error naming the file and the field); documents landed
// writes but never interprets (the config as run, scheduler and price figures) stay JSON, and
// keys this build does not know are kept and written back unchanged.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/base/error.h"
#include "results/model/shard_spec.h"

namespace landed {

inline constexpr int kCampaignMetadataSchema = 1;

/// The summary of a campaign that reports and the history show.
struct CampaignInfo {
  std::string campaign_id;
  std::string suite_name;
  std::string suite_digest;
  std::string started_at;
  std::string finished_at;
  std::string harness_version;
};

struct SuiteInfo {
  std::string name;
  std::string dir;
  std::string digest;
  std::int64_t tasks = 0;
};

struct HarnessInfo {
  std::string version;
  std::string commit;
  std::optional<int> scoring_version;
};

/// options.* that landed reads back; the rest of `options` stays JSON.
struct AttemptCounts {
  std::int64_t planned = 0;
  std::int64_t recorded = 0;
  std::int64_t reused = 0;
  std::int64_t run = 0;
  /// Written by `landed run` only (a merge has no "this time").
  std::optional<std::int64_t> ran_this_time, skipped, reused_this_time, settled_by_adaptive_repeats;
};

struct CampaignMetadata {
  int schema = kCampaignMetadataSchema;
  std::string campaign_id;
  std::string started_at;
  std::optional<std::string> finished_at;
  std::vector<std::string> resumed_at;
  /// complete, capped, incomplete, interrupted, ...; null while running.
  std::optional<std::string> status;
  SuiteInfo suite;
  HarnessInfo harness;
  std::string host;
  /// options.shard, parsed; the other run options stay in `options`.
  std::optional<Shard> shard;
  nlohmann::json options = nlohmann::json::object();
  nlohmann::json config = nlohmann::json::object();
  std::optional<AttemptCounts> attempts;
  std::optional<std::string> stopped_reason;
  // Set by `landed merge`.
  std::optional<std::string> merged_at;
  nlohmann::json merged_from;            // null, or one object per shard
  std::optional<std::vector<int>> missing_shards;
  /// The scoring versions the shards' metadata and records name (more than one only with
  /// --allow-mixed-versions).
  std::optional<std::vector<int>> scoring_versions;
  /// Every other key, written back as read (figures landed does not read, newer keys).
  nlohmann::json extra = nlohmann::json::object();

  CampaignInfo info() const;

  /// Parses a campaign.json document; `origin` (its path) names it in errors.
  static Result<CampaignMetadata> parse(std::string_view text, std::string_view origin);
  /// Reads `path`.
  static Result<CampaignMetadata> load(const std::filesystem::path& path);
  nlohmann::json to_json() const;
  /// Writes atomically (temporary file + rename), two-space indented.
  Status save(const std::filesystem::path& path) const;
};

}  // namespace landed
