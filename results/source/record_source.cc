#include "results/source/record_source.h"

#include "harness/base/files.h"
#include "results/history/history.h"

namespace landed {
namespace {

/// The campaigns `selector` names among `all` (oldest first).
Result<std::vector<const history::CampaignRow*>> select_campaigns(
    const std::vector<history::CampaignRow>& all, const std::string& selector,
    const std::string& label) {
  std::vector<const history::CampaignRow*> chosen;
  if (selector.empty()) {
    for (const auto& row : all) chosen.push_back(&row);
    return chosen;
  }
  if (selector == "latest" || selector == "previous") {
    std::size_t back = selector == "latest" ? 1 : 2;
    if (all.size() < back)
      return make_error("{}: the history holds {} campaign(s), so no '{}' one", label, all.size(), selector);
    chosen.push_back(&all[all.size() - back]);
    return chosen;
  }
  for (const auto& row : all) {
    if (row.info.campaign_id == selector) return std::vector<const history::CampaignRow*>{&row};
    if (row.info.campaign_id.starts_with(selector)) chosen.push_back(&row);
  }
  if (chosen.size() != 1)
    return make_error("{}: {} campaign(s) match '{}' (give a campaign id, latest or previous)",
                      label, chosen.size(), selector);
  return chosen;
}

/// A history source when `input` (minus any #SELECTOR) is a SQLite file; else an empty source.
Result<RecordSource> open_history_source(const std::string& input) {
  std::error_code ec;
  std::string path = input, selector;
  if (!std::filesystem::exists(path, ec)) {
    std::size_t hash = input.rfind('#');
    if (hash == std::string::npos) return RecordSource{};
    path = input.substr(0, hash);
    selector = input.substr(hash + 1);
  }
  if (!std::filesystem::is_regular_file(path, ec) || !history::looks_like_sqlite(path))
    return selector.empty() ? Result<RecordSource>(RecordSource{})
                            : make_error("{}: not a history database", path);
  LANDED_TRY(history::History db, history::History::open(path, /*create=*/false));
  LANDED_TRY(std::vector<history::CampaignRow> all, db.campaigns());
  LANDED_TRY(std::vector<const history::CampaignRow*> chosen, select_campaigns(all, selector, input));
  RecordSource source;
  source.label = input;
  source.database = path;
  if (!selector.empty())
    for (const auto* row : chosen) source.campaign_ids.push_back(row->info.campaign_id);
  if (chosen.size() == 1) source.campaign = chosen.front()->info;
  return source;
}

}  // namespace

Result<RecordSource> open_record_source(const std::filesystem::path& input) {
  std::error_code ec;
  if (Result<RecordSource> history = open_history_source(input.string()); !history.ok())
    return history.error();
  else if (history->is_history())
    return std::move(*history);
  RecordSource source;
  source.label = input.string();
  if (!std::filesystem::is_directory(input, ec)) {
    if (!std::filesystem::is_regular_file(input, ec))
      return make_error("{}: no such campaign folder or records file", input.string());
    source.records = input;
    return source;
  }
  source.records = input / "records.jsonl";
  if (!std::filesystem::is_regular_file(source.records, ec))
    return make_error("{}: not a campaign folder (no records.jsonl in it)", input.string());
  std::filesystem::path metadata = input / "campaign.json";
  if (std::filesystem::is_regular_file(metadata, ec)) {
    LANDED_TRY(CampaignMetadata parsed, CampaignMetadata::load(metadata));
    source.campaign = parsed.info();
    source.status = parsed.status;
  }
  return source;
}

Result<std::vector<SourceCampaign>> history_campaigns(const RecordSource& source) {
  std::vector<SourceCampaign> campaigns;
  if (!source.is_history()) return campaigns;
  LANDED_TRY(history::History db, history::History::open(source.database, /*create=*/false));
  LANDED_TRY(std::vector<history::CampaignRow> rows, db.campaigns());
  for (history::CampaignRow& row : rows) campaigns.push_back({std::move(row.info), row.campaign_dir});
  return campaigns;
}

Result<ReadSummary> read_source(const RecordSource& source, const RecordCallback& callback,
                                ReadDepth depth) {
  if (source.is_history()) {
    LANDED_TRY(history::History db, history::History::open(source.database, /*create=*/false));
    return db.for_each_record(source.campaign_ids, callback, depth);
  }
  return for_each_record(source.records, callback, depth);
}

}  // namespace landed
