// Page 1: the leaderboard, one row per contender, sortable by every column (site.js) and
// complete without script: the server-side order is the ranking.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "results/report/figures.h"
#include "results/site/html.h"
#include "results/site/pages.h"

namespace landed::site {
namespace {

struct Column {
  const char* key;
  const char* label;
  bool numeric;
};

// Short headings in column groups (outcome, dollars, tokens per attempt, effort) keep the
// table within a 1366-px screen; the groups are <colgroup>s, so sorting stays per column.
constexpr Column kColumns[] = {
    {"rank", "#", true},             {"contender", "Contender", false},
    {"pass_rate", "Pass rate", true}, {"ci", "95% interval", true},
    {"usd_attempt", "$/attempt", true}, {"usd_solved", "$/solved", true},
    {"input", "In", true},           {"cache_read", "Cache read", true},
    {"cache_write", "Cache write", true}, {"output", "Out", true},
    {"steps", "Steps", true},        {"time", "Median time", true},
};

std::string column_groups() {
  return "<colgroup span=\"2\"></colgroup><colgroup class=\"outcome\" span=\"2\"></colgroup>"
         "<colgroup class=\"dollars\" span=\"2\"></colgroup><colgroup class=\"tokens\" span=\"4\">"
         "</colgroup><colgroup class=\"effort\" span=\"2\"></colgroup>";
}

std::string header_row() {
  std::string cells;
  for (const Column& c : kColumns)
    cells += fmt::format(
        "<th scope=\"col\" data-key=\"{}\"{}><button type=\"button\" class=\"sort\">{}"
        "<span class=\"arrow\" aria-hidden=\"true\"></span></button></th>",
        c.key, c.numeric ? " class=\"num\"" : "", c.label);
  return "<tr>" + cells + "</tr>";
}

std::string cell(std::string_view key, const std::string& sort, const std::string& text) {
  return fmt::format("<td data-key=\"{}\" data-v=\"{}\">{}</td>", key, escape(sort), text);
}

bool unpriced(const ContenderSummary& s) { return s.cost.priced == 0 && s.scored > 0; }

/// The row's price status in the one vocabulary (scoring/aggregate.h), as a badge.
std::string price_badge(const ContenderSummary& s) {
  std::string_view status = price_status(s.cost);
  if (status == "priced" || s.scored == 0) return "";
  std::string label = status == "no_usage" ? "no usage" : std::string(status);
  return fmt::format(" <span class=\"badge {}\">{}</span>", status, label);
}

std::string contender_cell(const ContenderSummary& s) {
  const ContenderInfo& c = s.contender;
  std::string badges;
  if (c.simulated) badges += " <span class=\"badge sim\">simulated</span>";
  badges += price_badge(s);
  std::string detail = "runner " + escape(c.runner);
  if (c.model) detail += " · model " + escape(*c.model);
  if (c.effort) detail += " · effort " + escape(*c.effort);
  return fmt::format("<th scope=\"row\" data-key=\"contender\" data-v=\"{}\"><span class=\"cid\">"
                     "{}</span>{}<br><small>{}</small></th>",
                     escape(c.id), escape(c.id), badges, detail);
}

std::string row(const ContenderSummary& s) {
  const TokenFigures& t = s.tokens;
  std::string rate = figures::percent(s.pass_rate);
  if (!s.separable_from_leader && s.rank > 1) rate += " <abbr title=\"not separable from the leader\">≈</abbr>";
  std::string tampered = s.tampered > 0 ? fmt::format("<br><small class=\"tampered\">⚑ {} tampered</small>",
                                                      s.tampered)
                                        : "";
  // The tool's own usage report disagreed with what the metering proxy counted.
  if (s.meter.mismatched > 0)
    tampered += fmt::format("<br><small class=\"usage-mismatch\">⚠ {} usage mismatch</small>",
                            s.meter.mismatched);
  std::string cells = cell("rank", std::to_string(s.rank), std::to_string(s.rank)) +
                      contender_cell(s) +
                      cell("pass_rate", sort_value(s.pass_rate), rate + "<br><small>" +
                           figures::passes(s.passes, s.scored) + "</small>" + tampered) +
                      cell("ci", sort_value(s.pass_interval.low), figures::interval(s.pass_interval)) +
                      cell("usd_attempt", sort_value(s.cost.mean_per_attempt),
                           escape(figures::cost_per_attempt(s))) +
                      cell("usd_solved", sort_value(s.cost.per_solved), escape(figures::cost_per_solved(s))) +
                      cell("input", sort_value(t.input.value()), figures::count(t.input.value())) +
                      cell("cache_read", sort_value(t.cache_read.value()), figures::count(t.cache_read.value())) +
                      cell("cache_write", sort_value(t.cache_write.value()), figures::count(t.cache_write.value())) +
                      cell("output", sort_value(t.output.value()), figures::count(t.output.value())) +
                      cell("steps", sort_value(s.steps.value()), figures::count(s.steps.value())) +
                      cell("time", sort_value(s.median_wall_time_s), figures::seconds(s.median_wall_time_s));
  std::string classes = std::string(s.contender.simulated ? " simulated" : "") + (unpriced(s) ? " unpriced" : "");
  return fmt::format("<tr data-contender=\"{}\"{}>{}</tr>\n", escape(s.contender.id),
                     classes.empty() ? "" : fmt::format(" class=\"{}\"", classes.substr(1)), cells);
}

std::string filter_nav(const LeaderboardPage& page) {
  auto link = [&page](const std::string& href, const std::string& label) {
    return fmt::format("<li><a href=\"{}{}\"{}>{}</a></li>", page.root, href,
                       href == page.current_filter ? " aria-current=\"page\"" : "", escape(label));
  };
  std::string difficulties, tags;
  for (const FilterLink& f : page.filters) (f.kind == "tag" ? tags : difficulties) += link(f.href, f.value);
  std::string out = "<nav class=\"filters\" aria-label=\"Filter by task\"><ul><li>" +
                    std::string("<a href=\"") + page.root + "index.html\"" +
                    (page.current_filter == "index.html" ? " aria-current=\"page\"" : "") +
                    ">All tasks</a></li></ul>";
  if (!difficulties.empty()) out += "<p>Difficulty:</p><ul>" + difficulties + "</ul>";
  if (!tags.empty()) out += "<p>Tag:</p><ul>" + tags + "</ul>";
  return out + "</nav>\n";
}

/// A badge when some attempt ran with less than full isolation (landlock, none): its agent could
/// reach more than its sandbox, so its pass is worth less.
std::string isolation_note(const Scoreboard& board) {
  if (!board.weak_isolation) return "";
  std::vector<std::string> labels;
  for (const auto& [label, count] : board.isolation) labels.push_back(escape(label));
  return fmt::format("<p class=\"isolation\"><span class=\"badge weak-isolation\">weak "
                     "isolation</span> some attempts ran with less than full isolation: {}</p>\n",
                     fmt::join(labels, "; "));
}

}  // namespace

std::string leaderboard_html(const LeaderboardPage& page) {
  const Scoreboard& board = *page.board;
  std::string out = fmt::format("<h1>{}</h1>\n", escape(page.heading));
  out += fmt::format("<p class=\"summary\">{} contenders · {} tasks · {} attempts ({} infra errors, "
                     "excluded from rates). Ranked by pass rate, then $/solved task; ≈ marks a "
                     "contender whose 95% interval overlaps the leader's.</p>\n",
                     board.contenders.size(), board.tasks.size(), board.records, board.infra_errors);
  out += isolation_note(board);
  out += filter_nav(page);
  out += "<div class=\"scroll\"><table class=\"sortable leaderboard\" id=\"leaderboard\">\n"
         "<caption>Leaderboard: select a column heading to sort. Tokens (in, cache read, cache "
         "write, out) and steps are per attempt.</caption>\n" + column_groups() + "<thead>" +
         header_row() + "</thead>\n<tbody>\n";
  for (const ContenderSummary& s : board.contenders) out += row(s);
  out += "</tbody></table></div>\n";
  if (std::any_of(board.contenders.begin(), board.contenders.end(),
                  [](const ContenderSummary& s) { return s.tampered > 0; }))
    out += "<p class=\"tampered\">⚑ tampered: attempts that edited hidden-test or protected "
           "test-runner files; those edits were reset to the base before verify, whatever the "
           "outcome.</p>\n";
  if (std::any_of(board.contenders.begin(), board.contenders.end(),
                  [](const ContenderSummary& s) { return s.meter.mismatched > 0; }))
    out += "<p class=\"usage-mismatch\">⚠ usage mismatch: attempts whose agent tool reported "
           "token counts that differ from what landed's metering proxy counted on the wire by more "
           "than max(1 token, 1%); their figures are the metered ones.</p>\n";
  out += fmt::format("<p>Tokens, steps and dollars are per attempt. <span class=\"badge sim\">"
                     "simulated</span> contenders never called a real model; <span class=\"badge "
                     "unpriced\">unpriced</span> ones used a model without a price, so no dollar "
                     "figure is shown (never $0); <span class=\"badge incomplete\">incomplete"
                     "</span> ones have attempts whose tokens were not all reported, so their "
                     "dollars are a lower bound. The figures as JSON: <a href=\"{}{}\">{}</a>.</p>\n",
                     page.root, page.data_href, page.data_href);
  return out;
}

}  // namespace landed::site
