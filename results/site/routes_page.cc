// Page 5: `landed routes` for the latest campaign — the paragraph a manager reads, the
// policies (singles, cascades, the oracle router), live routes beside their prediction, and
// the cost–pass frontier plot.
#include <fmt/format.h>

#include "results/report/routes_report.h"
#include "results/site/html.h"
#include "results/site/pages.h"

namespace landed::site {
namespace {

std::string table_html(const std::vector<std::string>& headers,
                       const std::vector<std::vector<std::string>>& rows, const char* caption) {
  std::string head, body;
  for (const std::string& h : headers) head += "<th scope=\"col\">" + escape(h) + "</th>";
  for (const auto& row : rows) {
    body += "<tr>";
    for (std::size_t c = 0; c < row.size(); ++c)
      body += (c == 0 ? "<th scope=\"row\">" : "<td>") + escape(row[c]) + (c == 0 ? "</th>" : "</td>");
    body += "</tr>\n";
  }
  return fmt::format("<div class=\"scroll\"><table class=\"routes\"><caption>{}</caption><thead><tr>{}"
                     "</tr></thead><tbody>\n{}</tbody></table></div>\n",
                     caption, head, body);
}

/// The plot inline (the standalone document minus its XML declaration).
std::string inline_svg(const RoutingAnalysis& analysis) {
  std::string svg = routes_svg(analysis);
  std::size_t start = svg.find("<svg");
  return start == std::string::npos ? "" : svg.substr(start);
}

}  // namespace

std::string routes_html(const RoutingAnalysis& analysis, const std::string& campaign) {
  std::string out = fmt::format("<h1>Routes</h1>\n<p>What-if routing over campaign <b>{}</b> "
                                "(<code>landed routes</code>): {} contenders, {} tasks, {} (task, "
                                "repeat) cells, escalating on {}.</p>\n",
                                escape(campaign), analysis.contenders.size(), analysis.tasks,
                                analysis.cells, escape(analysis.rule));
  out += "<p class=\"summary\">" + escape(routes_summary(analysis)) + "</p>\n";
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i : listed_policies(analysis)) rows.push_back(routes_row(analysis, analysis.policies[i]));
  out += table_html(routes_headers(), rows, "Policies, best pass rate first");
  if (!analysis.live.empty()) {
    std::vector<std::vector<std::string>> live;
    for (const LiveRoute& r : analysis.live) live.push_back(live_route_row(r));
    out += table_html(live_route_headers(), live, "Live routes beside their offline prediction");
  }
  return out + "<figure class=\"plot\">" + inline_svg(analysis) +
         "<figcaption>Cost per attempt (log axis) against pass rate, 95% bars, the frontier "
         "dashed.</figcaption></figure>\n<p>The figures as JSON: <a href=\"data/routes.json\">"
         "data/routes.json</a>.</p>\n";
}

std::string routes_unavailable_html(const std::string& campaign, const std::string& why) {
  return fmt::format("<h1>Routes</h1>\n<p>No routing figures for campaign <b>{}</b>: {}</p>\n",
                     escape(campaign), escape(why));
}

}  // namespace landed::site
