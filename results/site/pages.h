// The site's pages, each a pure function from figures to HTML text. Everything
// user-controlled in them goes through escape(); links use slug()s only.
#pragma once

#include <string>
#include <vector>

#include "scoring/routing_analysis.h"
#include "results/site/site_data.h"
#include "results/site/transcript_html.h"

namespace landed::site {

/// A link to one filtered leaderboard.
struct FilterLink {
  std::string kind, value, href;  // href relative to the site root
};

struct LeaderboardPage {
  const Scoreboard* board;
  std::string heading;             // plain text
  std::string root;                // "" or "../"
  std::string current_filter;      // href of this page's filter; "index.html" for all
  std::vector<FilterLink> filters;
  std::string data_href;           // this board's JSON, relative to the root
};

std::string leaderboard_html(const LeaderboardPage& page);
/// The cost-vs-pass-rate plot alone (inline SVG), for a page or a test.
std::string pareto_svg(const Scoreboard& board);
std::string pareto_html(const Scoreboard& board);
/// The task list; `task_hrefs` holds each task's page (relative to tasks/).
std::string task_index_html(const SiteData& data, const std::map<std::string, std::string>& task_hrefs);

struct TaskPageLimits {
  std::size_t patch_bytes = 32 * 1024;       // of each candidate patch shown
  std::size_t verify_log_bytes = 4 * 1024;   // of each verify log's tail
};
/// `read` finds each attempt's transcript (null: none shown).
std::string task_html(const TaskDetails& task, const Scoreboard& board,
                      const std::string& data_href, const TaskPageLimits& limits,
                      const TranscriptReader& read = {});
std::string trends_html(const SiteData& data);
/// `landed routes` of one campaign as a page (the routing analysis comes from results/report).
std::string routes_html(const RoutingAnalysis& analysis, const std::string& campaign);
std::string routes_unavailable_html(const std::string& campaign, const std::string& why);

}  // namespace landed::site
