#include "results/site/publish.h"

#include <sstream>

#include <nlohmann/json.hpp>

#include "harness/base/clock.h"
#include "harness/base/files.h"
#include "results/report/routes_report.h"
#include "results/site/assets.h"
#include "results/site/html.h"
#include "results/site/site_manifest.h"

namespace landed::site {
namespace {

using json = nlohmann::ordered_json;
constexpr const char* kSiteSchema = "landed.site/1";
constexpr const char* kTaskSchema = "landed.site.task/1";
constexpr const char* kTrendsSchema = "landed.site.trends/1";

class SiteWriter {
 public:
  explicit SiteWriter(std::filesystem::path root) : root_(std::move(root)) {}

  Status write(const std::string& relative, std::string_view text) {
    std::filesystem::path path = root_ / relative;
    LANDED_TRY_STATUS(make_directories(path.parent_path()));
    LANDED_TRY_STATUS(write_file(path, text));
    ++stats_.files;
    stats_.bytes += text.size();
    written_.push_back(relative);
    return ok_status();
  }
  Status page(const std::string& relative, const PageFrame& frame, const std::string& body) {
    return write(relative, page_start(frame) + body + page_end(frame));
  }
  const PublishStats& stats() const { return stats_; }
  const std::vector<std::string>& written() const { return written_; }

 private:
  std::filesystem::path root_;
  PublishStats stats_;
  std::vector<std::string> written_;
};

Status prepare_out(const std::filesystem::path& out) {
  LANDED_TRY_STATUS(clear_published_site(out));
  return make_directories(out);
}

std::string report_json(const ReportContext& context, const Scoreboard& board) {
  std::ostringstream text;
  make_json_reporter()->write(context, board, text);
  return text.str();
}

template <class T>
json nullable(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

/// A route attempt's steps (null for a single contender's attempt).
json route_steps_json(const AttemptRow& a) {
  if (!a.route) return nullptr;
  json steps = json::array();
  for (const RouteStepInfo& step : a.route->steps)
    steps.push_back(json{{"contender", step.contender.id}, {"outcome", to_string(step.outcome)},
                         {"agent_status", step.agent_status}, {"escalated_on", nullable(step.escalated_on)},
                         {"cost_usd", nullable(step.cost_usd)}, {"price_status", step.price_status}});
  return steps;
}

json task_json(const TaskDetails& task) {
  json attempts = json::array();
  for (const AttemptRow& a : task.attempts)
    attempts.push_back(json{{"contender", a.contender_id}, {"campaign_id", a.campaign_id},
                            {"repeat", a.repeat}, {"outcome", to_string(a.outcome)},
                            {"reason", a.reason}, {"cost_usd", nullable(a.cost_usd)},
                            {"price_status", a.price_status},
                            {"input_tokens", nullable(a.tokens.input_tokens)},
                            {"cache_read_tokens", nullable(a.tokens.cache_read_tokens)},
                            {"cache_write_tokens", nullable(a.tokens.cache_write_tokens)},
                            {"output_tokens", nullable(a.tokens.output_tokens)},
                            {"steps", nullable(a.steps)}, {"wall_time_s", nullable(a.wall_time_s)},
                            {"route_steps", route_steps_json(a)}});
  return json{{"schema", kTaskSchema}, {"task_id", task.task_id},
              {"difficulty", nullable(task.difficulty)}, {"tags", task.tags},
              {"attempts", std::move(attempts)}};
}

json trends_json(const SiteData& data) {
  json campaigns = json::array();
  for (const CampaignPoint& p : data.campaigns) {
    json contenders = json::array();
    for (const ContenderSummary& s : p.board.contenders)
      contenders.push_back(json{{"id", s.contender.id}, {"scored", s.scored}, {"passes", s.passes},
                                {"pass_rate", nullable(s.pass_rate)},
                                {"pass_rate_ci95", {s.pass_interval.low, s.pass_interval.high}},
                                {"mean_per_attempt_usd", nullable(s.cost.mean_per_attempt)},
                                {"per_solved_usd", nullable(s.cost.per_solved)},
                                {"cost_complete", s.cost.complete},
                                {"price_status", price_status(s.cost)},
                                {"definition_changed", p.definition_changed.count(s.contender.id) > 0}});
    campaigns.push_back(json{{"campaign_id", p.info.campaign_id}, {"started_at", p.info.started_at},
                             {"suite", p.info.suite_name}, {"contenders", std::move(contenders)}});
  }
  return json{{"schema", kTrendsSchema}, {"campaigns", std::move(campaigns)}};
}

struct Addresses {
  std::map<std::string, std::string> task_slugs;  // task id -> slug
  std::vector<FilterLink> filters;                // href relative to the root
  std::vector<std::string> filter_slugs;
};

Addresses addresses(const SiteData& data) {
  Addresses a;
  for (const auto& [id, task] : data.tasks) a.task_slugs[id] = slug(id);
  for (const FilterBoard& f : data.filters) {
    std::string s = slug(f.kind + "-" + f.value);
    a.filter_slugs.push_back(s);
    a.filters.push_back({f.kind, f.value, "filter/" + s + ".html"});
  }
  return a;
}

Status write_leaderboards(SiteWriter& site, const SiteData& data, const ReportContext& context,
                          const Addresses& a, const PublishOptions& options) {
  LeaderboardPage page{&data.main.board, options.title, "", "index.html", a.filters, "data/report.json"};
  LANDED_TRY_STATUS(site.page("index.html", {options.title, "", "index"}, leaderboard_html(page)));
  LANDED_TRY_STATUS(site.write("data/report.json", report_json(context, data.main.board)));
  for (std::size_t i = 0; i < data.filters.size(); ++i) {
    const FilterBoard& f = data.filters[i];
    std::string heading = options.title + " — " + f.kind + " " + f.value;
    LeaderboardPage filtered{&f.board, heading, "../", a.filters[i].href, a.filters,
                             "data/filters/" + a.filter_slugs[i] + ".json"};
    LANDED_TRY_STATUS(site.page(a.filters[i].href, {heading, "../", "index"}, leaderboard_html(filtered)));
    LANDED_TRY_STATUS(site.write(filtered.data_href, report_json(context, f.board)));
  }
  return ok_status();
}

Status write_tasks(SiteWriter& site, const SiteData& data, const Addresses& a,
                   const PublishOptions& options) {
  std::map<std::string, std::string> hrefs;
  for (const auto& [id, s] : a.task_slugs) hrefs[id] = s + ".html";
  LANDED_TRY_STATUS(site.page("tasks/index.html", {"Tasks", "../", "tasks"}, task_index_html(data, hrefs)));
  for (const auto& [id, task] : data.tasks) {
    const std::string& s = a.task_slugs.at(id);
    std::string data_href = "../data/tasks/" + s + ".json";
    LANDED_TRY_STATUS(site.page("tasks/" + s + ".html", {"Task " + id, "../", "tasks"},
                                task_html(task, data.main.board, data_href, options.limits,
                                          options.transcripts)));
    LANDED_TRY_STATUS(site.write("data/tasks/" + s + ".json", task_json(task).dump(1) + "\n"));
  }
  return ok_status();
}

/// The sources narrowed to the latest campaign: a history source selects it by id, a folder
/// counts when it is that campaign.
std::vector<RecordSource> latest_campaign_sources(const SiteData& data, const ReportContext& context) {
  std::vector<RecordSource> sources;
  if (data.campaigns.empty()) return sources;
  const std::string& latest = data.campaigns.back().info.campaign_id;
  for (RecordSource source : context.sources) {
    if (source.is_history()) {
      source.campaign_ids = {latest};
      sources.push_back(std::move(source));
    } else if (!source.campaign || source.campaign->campaign_id == latest || source.label == latest) {
      sources.push_back(std::move(source));
    }
  }
  return sources;
}

Status write_routes_page(SiteWriter& site, const SiteData& data, const ReportContext& context) {
  const std::string latest = data.campaigns.empty() ? "" : data.campaigns.back().info.campaign_id;
  RoutesContext routes_context;
  routes_context.landed_version = context.landed_version;
  Result<RoutingAnalysis> analysis =
      load_routes(latest_campaign_sources(data, context), RoutingOptions{}, routes_context);
  PageFrame frame{"Routes", "", "routes"};
  if (!analysis.ok()) return site.page("routes.html", frame, routes_unavailable_html(latest, analysis.error().message));
  if (analysis->contenders.empty())
    return site.page("routes.html", frame,
                     routes_unavailable_html(latest, "it holds no single-contender records to route between."));
  std::ostringstream json_text;
  write_routes_json(routes_context, *analysis, json_text);
  LANDED_TRY_STATUS(site.write("data/routes.json", json_text.str()));
  return site.page("routes.html", frame, routes_html(*analysis, latest));
}

json site_index(const SiteData& data, const ReportContext& context, const Addresses& a,
                const PublishOptions& options) {
  json tasks = json::array();
  for (const auto& [id, task] : data.tasks) {
    const std::string& s = a.task_slugs.at(id);
    tasks.push_back(json{{"id", id}, {"difficulty", nullable(task.difficulty)}, {"tags", task.tags},
                         {"page", "tasks/" + s + ".html"}, {"data", "data/tasks/" + s + ".json"}});
  }
  json filters = json::array();
  for (std::size_t i = 0; i < a.filters.size(); ++i)
    filters.push_back(json{{"kind", a.filters[i].kind}, {"value", a.filters[i].value},
                           {"page", a.filters[i].href},
                           {"data", "data/filters/" + a.filter_slugs[i] + ".json"}});
  return json{{"schema", kSiteSchema}, {"title", options.title},
              {"generated_at", utc_now_iso8601()}, {"landed_version", context.landed_version},
              {"report", "data/report.json"}, {"trends", "data/trends.json"},
              {"pages", {{"leaderboard", "index.html"}, {"pareto", "pareto.html"},
                         {"tasks", "tasks/index.html"}, {"trends", "trends.html"},
                         {"routes", "routes.html"}}},
              {"filters", std::move(filters)}, {"tasks", std::move(tasks)}};
}

}  // namespace

Result<PublishStats> publish_site(const SiteData& data, const ReportContext& context,
                                  const PublishOptions& options) {
  LANDED_TRY_STATUS(prepare_out(options.out));
  SiteWriter site(options.out);
  for (const Asset& asset : site_assets())
    LANDED_TRY_STATUS(site.write("assets/" + std::string(asset.name), asset.content));
  Addresses a = addresses(data);
  LANDED_TRY_STATUS(write_leaderboards(site, data, context, a, options));
  LANDED_TRY_STATUS(site.page("pareto.html", {"Cost vs pass rate", "", "pareto"}, pareto_html(data.main.board)));
  LANDED_TRY_STATUS(site.page("trends.html", {"Trends", "", "trends"}, trends_html(data)));
  LANDED_TRY_STATUS(site.write("data/trends.json", trends_json(data).dump(1) + "\n"));
  LANDED_TRY_STATUS(write_tasks(site, data, a, options));
  LANDED_TRY_STATUS(write_routes_page(site, data, context));
  // Written last: its presence marks a complete site (and lets the next publish replace it).
  LANDED_TRY_STATUS(site.write("data/site.json", site_index(data, context, a, options).dump(1) + "\n"));
  LANDED_TRY_STATUS(write_site_manifest(options.out, site.written()));
  return site.stats();
}

}  // namespace landed::site
