// The history: one SQLite file holding every campaign ingested — campaigns, contenders, tasks
// (with digests) and attempts (each record's JSON plus the columns queries need). Ingesting
// the same campaign twice changes nothing: an attempt is unique by campaign id + attempt key.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "results/history/sqlite.h"
#include "results/model/campaign_metadata.h"
#include "results/model/record.h"
#include "results/store/record_reader.h"

namespace landed::history {

/// A campaign as the history holds it.
struct CampaignRow {
  CampaignInfo info;
  std::string campaign_dir;     // absolute, at ingest time; may no longer exist
  std::int64_t attempts = 0;
};

struct IngestStats {
  std::string campaign_id;
  std::int64_t inserted = 0;    // new attempts
  std::int64_t unchanged = 0;   // attempts the history already held
  std::int64_t torn_lines = 0;
  ReadSummary read;             // what the records reader counted (quarantined, duplicates)
};

/// The default history of campaigns in `campaign_dir`: landed.db in the folder that holds it.
std::filesystem::path default_history_path(const std::filesystem::path& campaign_dir);

class History {
 public:
  /// Opens the database (creating it when `create`) and runs pending migrations.
  static Result<History> open(const std::filesystem::path& path, bool create);

  /// Streams a campaign folder (campaign.json + records.jsonl) into the history through the
  /// records reader: a malformed line is an error naming file:line; torn, quarantined and
  /// duplicate lines are skipped and counted, as every other command does.
  Result<IngestStats> ingest_campaign(const std::filesystem::path& dir);

  /// Adds one record as `landed run --db` finishes it; the campaign row is created on first
  /// sight and completed by ingest_campaign at the end of the run.
  Status add_record(const Record& record, const std::filesystem::path& campaign_dir);

  /// Every campaign, oldest first (by start time, then id).
  Result<std::vector<CampaignRow>> campaigns();

  /// Streams the records of the given campaigns (all when empty), in ingest order.
  Result<ReadSummary> for_each_record(const std::vector<std::string>& campaign_ids,
                                      const RecordCallback& callback,
                                      ReadDepth depth = ReadDepth::kSummary);

  sqlite::Database& database() { return db_; }

 private:
  explicit History(sqlite::Database db) : db_(std::move(db)) {}
  Status upsert_campaign(const CampaignInfo& info, std::string_view metadata_json,
                         const std::string& campaign_dir);
  Result<bool> insert_record(const Record& record, std::string_view json_line);

  sqlite::Database db_;
};

/// True when the file starts with SQLite's magic header.
bool looks_like_sqlite(const std::filesystem::path& path);

}  // namespace landed::history
