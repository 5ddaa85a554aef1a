// Page 3: one task — how each contender did, then every attempt with its candidate patch
// (capped) and the tail of its verify log, read from the campaign folder at publish time.
#include <algorithm>

#include <fmt/format.h>

#include "harness/base/files.h"
#include "results/report/figures.h"
#include "results/site/html.h"
#include "results/site/pages.h"

namespace landed::site {
namespace {

std::string tags_text(const TaskDetails& task) {
  std::string out;
  for (const std::string& tag : task.tags) out += (out.empty() ? "" : ", ") + tag;
  return out;
}

std::string cells_table(const TaskDetails& task, const Scoreboard& board) {
  auto it = std::lower_bound(board.tasks.begin(), board.tasks.end(), task.task_id);
  if (it == board.tasks.end() || *it != task.task_id) return "";
  std::size_t t = static_cast<std::size_t>(it - board.tasks.begin());
  std::string rows;
  for (std::size_t c = 0; c < board.contenders.size(); ++c) {
    const TaskCell& cell = board.cell(t, c);
    if (cell.empty()) continue;
    bool priced = cell.attempts > 0 && cell.priced == cell.attempts;
    rows += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                        escape(board.contenders[c].contender.id),
                        figures::passes(cell.passes, cell.attempts),
                        escape(priced ? figures::dollars(cell.cost_usd) : "unpriced"),
                        figures::count(cell.steps.value()), figures::seconds(cell.wall_time_s.value()));
  }
  return "<h2>By contender</h2>\n<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Contender"
         "</th><th scope=\"col\">Passes</th><th scope=\"col\">Cost (all attempts)</th><th scope=\"col\">"
         "Steps/attempt</th><th scope=\"col\">Time/attempt</th></tr></thead><tbody>\n" + rows +
         "</tbody></table></div>\n";
}

std::string file_block(const std::filesystem::path& file, const char* what, bool from_end,
                       std::size_t cap) {
  if (file.empty()) return "";
  Result<std::string> text = read_file(file);
  if (!text.ok()) return fmt::format("<p class=\"missing\">{}: not available here</p>", what);
  if (text->empty()) return fmt::format("<p class=\"missing\">{}: empty</p>", what);
  bool cut = false;
  std::string shown = from_end ? tail(*text, cap, cut) : head(*text, cap, cut);
  std::string note = cut ? fmt::format(" ({} of {} bytes, {})", shown.size(), text->size(),
                                       from_end ? "the end" : "the start")
                         : fmt::format(" ({} bytes)", text->size());
  return fmt::format("<details><summary>{}{}</summary><pre>{}</pre></details>", what, note,
                     escape(shown));
}

std::string tokens_text(const TokenUsage& t) {
  auto c = [](const Count& v) { return figures::count(v ? std::optional<double>(*v) : std::nullopt); };
  return fmt::format("in {} · cache r {} w {} · out {}", c(t.input_tokens), c(t.cache_read_tokens),
                     c(t.cache_write_tokens), c(t.output_tokens));
}

/// What the agent did: a route's steps, else the attempt's own transcript.
std::string what_happened(const AttemptRow& a, const TranscriptReader& read) {
  if (a.route) return route_steps_html(*a.route, a.step_log_files, read);
  if (!read || a.agent_log_file.empty()) return "";
  std::optional<Transcript> transcript = read(a.runner, a.model, a.agent_log_file);
  return transcript ? transcript_html(*transcript) : "";
}

std::string attempt_row(const AttemptRow& a, const TaskPageLimits& limits,
                        const TranscriptReader& read) {
  std::string cost = a.cost_usd ? figures::dollars(a.cost_usd)
                                : (a.price_status.empty() ? std::string(figures::kUnknown) : a.price_status);
  std::string files = file_block(a.patch_file, "candidate patch", false, limits.patch_bytes) +
                      file_block(a.verify_log_file, "verify log", true, limits.verify_log_bytes) +
                      what_happened(a, read);
  return fmt::format(
      "<tr class=\"{}\"><th scope=\"row\">{}</th><td data-v=\"{}\">r{}<br><small class=\"campaign\">{}"
      "</small></td><td><span class=\"outcome\">{}"
      "</span>{}<br><small>{}</small></td><td data-v=\"{}\">{}</td><td>{}</td><td data-v=\"{}\">{}</td>"
      "<td data-v=\"{}\">{}</td></tr>\n{}",
      to_string(a.outcome), escape(a.contender_id), a.repeat, a.repeat, escape(a.campaign_id),
      to_string(a.outcome),
      a.tampered ? " <span class=\"tampered\" title=\"the agent edited hidden-test or protected "
                   "paths; they were reset to the base before verify\">⚑ tampered</span>"
                 : "",
      escape(a.reason), sort_value(a.cost_usd), escape(cost), tokens_text(a.tokens),
      a.steps ? std::to_string(*a.steps) : "", figures::count(a.steps ? std::optional<double>(*a.steps) : std::nullopt),
      sort_value(a.wall_time_s), figures::seconds(a.wall_time_s),
      files.empty() ? "" : "<tr class=\"files\"><td colspan=\"7\">" + files + "</td></tr>\n");
}

}  // namespace

std::string task_html(const TaskDetails& task, const Scoreboard& board, const std::string& data_href,
                      const TaskPageLimits& limits, const TranscriptReader& read) {
  std::string out = fmt::format("<h1>Task <span class=\"task-id\">{}</span></h1>\n<p>Difficulty: {} · "
                                "tags: {} · {} attempts · data: <a href=\"{}\">{}</a></p>\n",
                                escape(task.task_id), escape(task.difficulty.value_or("—")),
                                escape(tags_text(task).empty() ? "—" : tags_text(task)),
                                task.attempts.size(), data_href, data_href);
  out += cells_table(task, board);
  std::vector<const AttemptRow*> attempts;
  for (const AttemptRow& a : task.attempts) attempts.push_back(&a);
  std::stable_sort(attempts.begin(), attempts.end(), [](const AttemptRow* a, const AttemptRow* b) {
    return std::tie(a->contender_id, a->campaign_id, a->repeat) <
           std::tie(b->contender_id, b->campaign_id, b->repeat);
  });
  out += "<h2>Attempts</h2>\n<div class=\"scroll\"><table class=\"attempts\"><thead><tr>"
         "<th scope=\"col\">Contender</th><th scope=\"col\">Repeat · campaign</th><th scope=\"col\">Outcome</th>"
         "<th scope=\"col\">Cost</th><th scope=\"col\">Tokens</th><th scope=\"col\">Steps</th>"
         "<th scope=\"col\">Time</th></tr></thead><tbody>\n";
  for (const AttemptRow* a : attempts) out += attempt_row(*a, limits, read);
  return out + "</tbody></table></div>\n";
}

std::string task_index_html(const SiteData& data, const std::map<std::string, std::string>& task_hrefs) {
  const Scoreboard& board = data.main.board;
  std::string rows;
  for (const auto& [id, task] : data.tasks) {
    std::int64_t passes = 0, scored = 0;
    auto it = std::lower_bound(board.tasks.begin(), board.tasks.end(), id);
    if (it != board.tasks.end() && *it == id) {
      std::size_t t = static_cast<std::size_t>(it - board.tasks.begin());
      for (std::size_t c = 0; c < board.contenders.size(); ++c) {
        passes += board.cell(t, c).passes;
        scored += board.cell(t, c).attempts;
      }
    }
    rows += fmt::format("<tr><th scope=\"row\"><a href=\"{}\">{}</a></th><td>{}</td><td>{}</td>"
                        "<td data-v=\"{}\">{}</td></tr>\n",
                        task_hrefs.at(id), escape(id), escape(task.difficulty.value_or("—")),
                        escape(tags_text(task)), scored ? sort_value(double(passes) / double(scored)) : "",
                        figures::passes(passes, scored));
  }
  return fmt::format("<h1>Tasks</h1>\n<p>{} tasks. Each page shows every attempt, its candidate patch "
                     "and the end of its verify log.</p>\n<div class=\"scroll\"><table class=\"sortable\">"
                     "<thead><tr><th scope=\"col\"><button type=\"button\" class=\"sort\">Task</button></th>"
                     "<th scope=\"col\"><button type=\"button\" class=\"sort\">Difficulty</button></th>"
                     "<th scope=\"col\"><button type=\"button\" class=\"sort\">Tags</button></th>"
                     "<th scope=\"col\" class=\"num\"><button type=\"button\" class=\"sort\">Passes (all "
                     "contenders)</button></th></tr></thead><tbody>\n{}</tbody></table></div>\n",
                     data.tasks.size(), rows);
}

}  // namespace landed::site
