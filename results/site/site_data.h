// Everything the site shows, gathered from the record sources in one streaming pass: the
// scoreboard exactly as `landed report` builds it, the same scoreboard per tag and per
// difficulty, each task's attempts, and one scoreboard per campaign for the trends.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "results/model/transcript.h"
#include "results/report/load.h"

namespace landed::site {

/// One attempt as a task page shows it.
struct AttemptRow {
  std::string contender_id;
  std::string campaign_id;
  int repeat = 0;
  Outcome outcome = Outcome::kInfraError;
  std::string reason;
  bool tampered = false;  // edited hidden-test or protected paths (reset before verify)
  Dollars cost_usd;
  std::string price_status;
  TokenUsage tokens;
  Count steps;
  std::optional<double> wall_time_s;
  std::filesystem::path patch_file;       // absolute; empty when unknown or outside the campaign
  std::filesystem::path verify_log_file;  // likewise
  std::string runner;
  std::optional<std::string> model;
  std::filesystem::path agent_log_file;   // the agent's stdout (its transcript), likewise
  std::optional<RouteInfo> route;         // route attempts: the steps taken
  std::vector<std::filesystem::path> step_log_files;  // each route step's agent stdout
};

struct TaskDetails {
  std::string task_id;
  std::optional<std::string> difficulty;
  std::vector<std::string> tags;
  std::vector<AttemptRow> attempts;
};

/// The leaderboard restricted to the tasks with one tag or one difficulty.
struct FilterBoard {
  std::string kind;   // "tag" or "difficulty"
  std::string value;
  Scoreboard board;   // ranked
};

/// One campaign's scoreboard, for the trends.
struct CampaignPoint {
  CampaignInfo info;
  Scoreboard board;
  /// The contender ids whose definition (fingerprint) differs from the one they ran under in
  /// the campaign before (same name, changed contender or route), or that pool more than one
  /// definition here: the trend line joins different things there (mark_definition_changes).
  std::set<std::string> definition_changed = {};
};

/// Fills each point's definition_changed, `campaigns` oldest first.
void mark_definition_changes(std::vector<CampaignPoint>& campaigns);

struct SiteData {
  LoadedScoreboard main;                  // identical to `landed report`'s
  std::vector<FilterBoard> filters;       // difficulties (easy, medium, hard order), then tags
  std::map<std::string, TaskDetails> tasks;
  std::vector<CampaignPoint> campaigns;   // oldest first
};

/// Reads the sources. Trends see every campaign of each source, even a history source with a
/// #SELECTOR (the leaderboard sees only the selected campaigns).
Result<SiteData> collect_site_data(const std::vector<RecordSource>& sources,
                                   const PriceTable& prices, bool reprice);

}  // namespace landed::site
