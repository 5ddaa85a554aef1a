// Page 4: each contender's pass rate and cost across the campaigns (oldest first), as a table
// with a small line of the pass rate per row.
#include <algorithm>

#include <fmt/format.h>

#include "results/report/figures.h"
#include "results/site/html.h"
#include "results/site/pages.h"

namespace landed::site {
namespace {

const ContenderSummary* find(const Scoreboard& board, const std::string& id) {
  for (const ContenderSummary& s : board.contenders)
    if (s.contender.id == id) return &s;
  return nullptr;
}

std::vector<std::string> contender_ids(const SiteData& data) {
  std::vector<std::string> ids;
  auto add = [&ids](const std::string& id) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  };
  for (const ContenderSummary& s : data.main.board.contenders) add(s.contender.id);
  for (const CampaignPoint& p : data.campaigns)
    for (const ContenderSummary& s : p.board.contenders) add(s.contender.id);
  return ids;
}

std::string sparkline(const SiteData& data, const std::string& id) {
  constexpr double kW = 120, kH = 30;
  std::string path;
  std::size_t n = data.campaigns.size();
  for (std::size_t i = 0; i < n; ++i) {
    const ContenderSummary* s = find(data.campaigns[i].board, id);
    if (!s || !s->pass_rate) continue;
    double x = n == 1 ? kW / 2 : 4 + (kW - 8) * double(i) / double(n - 1);
    double y = 3 + (1 - *s->pass_rate) * (kH - 6);
    path += fmt::format("{}{:.1f},{:.1f}", path.empty() ? "M" : " L", x, y);
  }
  if (path.empty()) return "";
  return fmt::format("<svg class=\"spark\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" "
                     "aria-hidden=\"true\"><path d=\"{}\"/></svg>", kW, kH, kW, kH, path);
}

/// A column's heading: the campaign's date, with the time when another campaign shares the
/// date; the campaign id is the small print under it.
std::string campaign_heading(const SiteData& data, const CampaignPoint& p) {
  const std::string date = p.info.started_at.substr(0, 10);
  std::size_t same_day = 0;
  for (const CampaignPoint& q : data.campaigns) same_day += q.info.started_at.substr(0, 10) == date;
  std::string when = same_day > 1 ? p.info.started_at.substr(0, 16) : date;
  std::replace(when.begin(), when.end(), 'T', ' ');
  return fmt::format("<th scope=\"col\"><time datetime=\"{}\">{}</time><br><small>{}</small></th>",
                     escape(p.info.started_at), escape(when.empty() ? "date unknown" : when),
                     escape(p.info.campaign_id));
}

}  // namespace

std::string trends_html(const SiteData& data) {
  std::string out = fmt::format("<h1>Trends</h1>\n<p>{} campaign(s), oldest first. Each cell: "
                                "pass rate, then mean dollars per attempt; \"definition changed\" where a "
                                "name ran under another definition than the campaign before.</p>\n",
                                data.campaigns.size());
  std::string head = "<th scope=\"col\">Contender</th><th scope=\"col\">Pass rate</th>";
  for (const CampaignPoint& p : data.campaigns) head += campaign_heading(data, p);
  std::string rows;
  for (const std::string& id : contender_ids(data)) {
    std::string cells;
    for (const CampaignPoint& p : data.campaigns) {
      const ContenderSummary* s = find(p.board, id);
      const std::string changed =
          p.definition_changed.count(id)
              ? "<br><small class=\"changed\" title=\"this name ran under another definition "
                "(runner, model, effort, command, options, limits or a route's cascade) than in "
                "the campaign before, or pools several here\">definition changed</small>"
              : "";
      cells += s ? fmt::format("<td>{}<br><small>{}</small>{}</td>", figures::percent(s->pass_rate),
                               escape(figures::cost_per_attempt(*s)), changed)
                 : "<td>—</td>";
    }
    rows += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td>{}</tr>\n", escape(id),
                        sparkline(data, id), cells);
  }
  return out + "<div class=\"scroll\"><table class=\"trends\"><thead><tr>" + head +
         "</tr></thead><tbody>\n" + rows + "</tbody></table></div>\n";
}

}  // namespace landed::site
