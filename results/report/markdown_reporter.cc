// Markdown for a CI job summary ($GITHUB_STEP_SUMMARY): the scoreboard, its notes, and the
// per-task matrix folded in a <details> block.
#include <fmt/format.h>

#include "results/report/figures.h"
#include "results/report/notes.h"
#include "results/report/markdown_cell.h"
#include "results/report/reporter.h"
#include "results/report/scoreboard_rows.h"

namespace landed {
namespace {

void write_row(std::ostream& out, const std::vector<std::string>& cells) {
  out << "|";
  for (const std::string& c : cells) out << " " << markdown_cell(c) << " |";
  out << "\n";
}

void write_scoreboard(std::ostream& out, const Scoreboard& board) {
  ScoreboardColumns columns = scoreboard_columns(board);
  write_row(out, columns.headers);
  out << "|";
  for (bool right : columns.right_aligned) out << (right ? " ---: |" : " :--- |");
  out << "\n";
  for (const auto& row : columns.rows) write_row(out, row);
}

std::string matrix_cell(const TaskCell& c) {
  if (c.empty()) return figures::kUnknown;
  std::string text = figures::passes(c.passes, c.attempts);
  if (c.priced == c.attempts && c.attempts > 0) text += " · " + figures::dollars(c.cost_usd);
  if (c.infra_errors > 0) text += fmt::format(" · {} infra", c.infra_errors);
  return text;
}

void write_matrix(std::ostream& out, const Scoreboard& board) {
  out << "<details><summary>Per task: passes/attempts · dollars</summary>\n\n";
  std::vector<std::string> headers{"task"};
  for (const ContenderSummary& s : board.contenders) headers.push_back(s.contender.id);
  write_row(out, headers);
  out << "| :--- |";
  for (std::size_t c = 0; c < board.contenders.size(); ++c) out << " ---: |";
  out << "\n";
  for (std::size_t t = 0; t < board.tasks.size(); ++t) {
    std::vector<std::string> row{board.tasks[t]};
    for (std::size_t c = 0; c < board.contenders.size(); ++c)
      row.push_back(matrix_cell(board.cell(t, c)));
    write_row(out, row);
  }
  out << "\n</details>\n";
}

class MarkdownReporter final : public Reporter {
 public:
  void write(const ReportContext& context, const Scoreboard& board,
             std::ostream& out) const override {
    out << "## landed scoreboard\n\n" << markdown_cell(report_header(context, board)) << "\n\n";
    if (std::string prices = price_table_line(context); !prices.empty())
      out << markdown_cell(prices) << "\n\n";
    write_scoreboard(out, board);
    std::vector<std::string> notes = report_notes(context, board);
    if (!notes.empty()) out << "\n";
    for (const std::string& note : notes) out << "- " << markdown_cell(note) << "\n";
    out << "\n";
    write_matrix(out, board);
  }
};

}  // namespace

std::unique_ptr<Reporter> make_markdown_reporter() {
  return std::make_unique<MarkdownReporter>();
}

}  // namespace landed
