// Where records come from: a campaign folder, a records.jsonl file, or the history database
// (`landed.db`, or `landed.db#SELECTOR` for some of its campaigns) named on the command line.
// Commands that read records (report, compare, routes, publish) take sources, not paths.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "results/model/campaign_metadata.h"
#include "results/store/record_reader.h"

namespace landed {

struct RecordSource {
  std::filesystem::path records;        // the records.jsonl file
  std::optional<CampaignInfo> campaign; // when a campaign.json sits beside it
  std::optional<std::string> status;    // campaign.json's status (complete, incomplete, ...)
  std::string label;                    // the input as the user named it
  /// A history source: the database file and the campaigns selected (empty: every one).
  std::filesystem::path database;
  std::vector<std::string> campaign_ids;
  bool is_history() const { return !database.empty(); }
};

/// Resolves a folder (holding records.jsonl and maybe campaign.json), a .jsonl file, or a
/// history database with an optional `#SELECTOR`: a campaign id (or a unique prefix of one),
/// `latest` or `previous` (by start time). Without a selector, every campaign of the database.
Result<RecordSource> open_record_source(const std::filesystem::path& input);

/// A campaign a history source holds, with its folder at ingest time (may no longer exist).
struct SourceCampaign {
  CampaignInfo info;
  std::filesystem::path dir;
};

/// Every campaign of a history source's database, oldest first (selected or not: the trends
/// show them all). Empty for a folder or file source.
Result<std::vector<SourceCampaign>> history_campaigns(const RecordSource& source);

/// Streams every record of the source.
Result<ReadSummary> read_source(const RecordSource& source, const RecordCallback& callback,
                                ReadDepth depth = ReadDepth::kSummary);

}  // namespace landed
