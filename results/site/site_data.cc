#include "results/site/site_data.h"

#include <memory>
#include <set>

#include "results/source/pooled_records.h"
#include "scoring/ranking.h"

namespace landed::site {
namespace {

/// `relative` under `dir`, or empty when it is absent or would leave the campaign folder, by
/// its name or through a symlink (a planted `patch.diff -> ~/.ssh/id_rsa` is never published).
std::filesystem::path inside(const std::filesystem::path& dir, const std::string& relative) {
  if (relative.empty() || dir.empty()) return {};
  std::filesystem::path rel = std::filesystem::path(relative).lexically_normal();
  if (rel.is_absolute() || rel.empty() || *rel.begin() == "..") return {};
  std::error_code ec;
  const auto root = std::filesystem::canonical(dir, ec);
  if (ec) return {};
  const auto real = std::filesystem::weakly_canonical(dir / rel, ec);
  if (ec) return {};
  const auto within = real.lexically_relative(root);
  if (within.empty() || *within.begin() == "..") return {};
  return dir / rel;
}

AttemptRow attempt_row(const Record& r, const std::filesystem::path& campaign_dir) {
  AttemptRow row;
  row.contender_id = r.contender.id;
  row.campaign_id = r.campaign_id;
  row.repeat = r.repeat;
  row.outcome = r.outcome;
  row.reason = r.reason;
  row.tampered = r.patch.tampered();
  row.cost_usd = r.cost_usd;
  row.price_status = r.price_status;
  row.tokens = r.usage.tokens;
  row.steps = r.usage.steps;
  row.wall_time_s = r.wall_time_s;
  row.patch_file = inside(campaign_dir, r.patch.path);
  if (r.verify) row.verify_log_file = inside(campaign_dir, r.verify->log_path);
  row.runner = r.contender.runner;
  row.model = r.contender.model;
  row.agent_log_file = inside(campaign_dir, r.agent.process.log_path);
  row.route = r.route;
  if (r.route)
    for (const RouteStepInfo& step : r.route->steps)
      row.step_log_files.push_back(
          step.log_dir.empty() ? std::filesystem::path() : inside(campaign_dir, step.log_dir + "/agent.stdout"));
  return row;
}

int difficulty_order(const std::string& value) {
  if (value == "easy") return 0;
  if (value == "medium") return 1;
  if (value == "hard") return 2;
  return 3;
}

class Collector {
 public:
  Collector(const PriceTable& prices, Pricing pricing) : prices_(prices), pricing_(pricing) {}

  void add_detail(const Record& r, const std::string& campaign_id,
                  const std::filesystem::path& campaign_dir) {
    TaskDetails& task = data_.tasks[r.task_id];
    if (task.task_id.empty()) {
      task.task_id = r.task_id;
      task.difficulty = r.task_difficulty;
      task.tags = r.task_tags;
    }
    task.attempts.push_back(attempt_row(r, campaign_dir));
    task.attempts.back().campaign_id = campaign_id;
    if (r.task_difficulty) builder(filters_, "difficulty\n" + *r.task_difficulty).add(r);
    for (const std::string& tag : r.task_tags) builder(filters_, "tag\n" + tag).add(r);
  }

  void add_trend(const Record& r, const std::string& campaign_id) {
    builder(campaigns_, campaign_id).add(r);
  }

  void know_campaign(const CampaignInfo& info) {
    if (!info.campaign_id.empty()) infos_[info.campaign_id] = info;
  }

  SiteData finish(LoadedScoreboard main) && {
    data_.main = std::move(main);
    for (auto& [key, b] : filters_) {
      std::size_t newline = key.find('\n');
      FilterBoard filter{key.substr(0, newline), key.substr(newline + 1), b->finish()};
      rank_contenders(filter.board);
      data_.filters.push_back(std::move(filter));
    }
    std::stable_sort(data_.filters.begin(), data_.filters.end(), [](const auto& a, const auto& b) {
      if (a.kind != b.kind) return a.kind == "difficulty";
      return difficulty_order(a.value) < difficulty_order(b.value);
    });
    for (auto& [id, b] : campaigns_) {
      CampaignPoint point{infos_.count(id) ? infos_[id] : CampaignInfo{id, "", "", "", "", ""},
                          b->finish()};
      rank_contenders(point.board);
      data_.campaigns.push_back(std::move(point));
    }
    std::sort(data_.campaigns.begin(), data_.campaigns.end(), [](const auto& a, const auto& b) {
      return std::tie(a.info.started_at, a.info.campaign_id) <
             std::tie(b.info.started_at, b.info.campaign_id);
    });
    mark_definition_changes(data_.campaigns);
    return std::move(data_);
  }

 private:
  using Builders = std::map<std::string, std::unique_ptr<ScoreboardBuilder>>;
  ScoreboardBuilder& builder(Builders& builders, const std::string& key) {
    auto& slot = builders[key];
    if (!slot) slot = std::make_unique<ScoreboardBuilder>(prices_, pricing_);
    return *slot;
  }

  const PriceTable& prices_;
  Pricing pricing_;
  Builders filters_, campaigns_;
  std::map<std::string, CampaignInfo> infos_;
  SiteData data_;
};

/// campaign id -> its folder, for the records of `source`.
Result<std::map<std::string, std::filesystem::path>> campaign_dirs(const RecordSource& source,
                                                                   Collector& collector) {
  std::map<std::string, std::filesystem::path> dirs;
  if (!source.is_history()) {
    if (source.campaign) collector.know_campaign(*source.campaign);
    dirs[""] = std::filesystem::absolute(source.records).parent_path();
    return dirs;
  }
  LANDED_TRY(std::vector<SourceCampaign> campaigns, history_campaigns(source));
  for (const SourceCampaign& campaign : campaigns) {
    collector.know_campaign(campaign.info);
    dirs[campaign.info.campaign_id] = campaign.dir;
  }
  return dirs;
}

/// One read of `source` feeds every page: the leaderboard (`main`), the task pages and
/// filters, and the trends. A history source with a #SELECTOR is read whole once: every
/// campaign feeds the trends, the selected ones the rest. Pooled with other sources, a
/// reused copy of an attempt counted elsewhere feeds neither the leaderboard nor the task
/// pages (`pool`); each campaign's trend point keeps its whole scoreboard, copies included.
Result<ReadSummary> read_once(const RecordSource& source, ScoreboardBuilder& main,
                              Collector& collector, PooledRecords& pool) {
  LANDED_TRY(auto dirs, campaign_dirs(source, collector));
  // Records without a campaign id (hand-made files) belong to the campaign of their folder.
  std::string fallback_id = source.campaign ? source.campaign->campaign_id : source.label;
  auto campaign_of = [&fallback_id](const Record& r) {
    return r.campaign_id.empty() ? fallback_id : r.campaign_id;
  };
  const std::set<std::string> selected(source.campaign_ids.begin(), source.campaign_ids.end());
  RecordSource whole = source;
  whole.campaign_ids.clear();
  ReadSummary in_selection;
  LANDED_TRY(ReadSummary read, read_source(whole, [&](const Record& r) {
    collector.add_trend(r, campaign_of(r));
    if (!selected.empty() && !selected.count(r.campaign_id)) return ok_status();
    ++in_selection.records;
    auto dir = dirs.find(source.is_history() ? r.campaign_id : "");
    if (!pool.counts(r)) return ok_status();
    main.add(r);
    collector.add_detail(r, campaign_of(r), dir == dirs.end() ? std::filesystem::path() : dir->second);
    return ok_status();
  }, ReadDepth::kFull));
  if (!selected.empty()) read.records = in_selection.records;
  return read;
}

}  // namespace

void mark_definition_changes(std::vector<CampaignPoint>& campaigns) {
  std::map<std::string, std::string> last;  // contender id -> fingerprint it last ran under
  for (CampaignPoint& point : campaigns) {
    point.definition_changed.clear();
    for (const ContenderSummary& s : point.board.contenders) {
      const std::string& fingerprint = s.contender.fingerprint;
      auto before = last.find(s.contender.id);
      if (s.definition_changed ||
          (before != last.end() && !fingerprint.empty() && before->second != fingerprint))
        point.definition_changed.insert(s.contender.id);
      if (!fingerprint.empty()) last[s.contender.id] = fingerprint;
    }
  }
}

Result<SiteData> collect_site_data(const std::vector<RecordSource>& sources,
                                   const PriceTable& prices, bool reprice) {
  const Pricing pricing = reprice ? Pricing::kReprice : Pricing::kStored;
  ScoreboardBuilder main(prices, pricing);
  Collector collector(prices, pricing);
  LANDED_TRY(auto pool, pool_records(sources));
  ReadSummary read;
  for (const RecordSource& source : sources) {
    LANDED_TRY(ReadSummary summary, read_once(source, main, collector, *pool));
    read.add(summary);
  }
  return std::move(collector).finish(finish_scoreboard(main, sources, prices, reprice, read));
}

}  // namespace landed::site
