// The terminal scoreboard: one row per contender, best first, read like Cursor's board, then
// the per-task matrix (task × contender, passes/attempts), both fitted to the terminal.
#include <fmt/format.h>

#include "results/report/figures.h"
#include "results/report/notes.h"
#include "results/report/reporter.h"
#include "results/report/scoreboard_rows.h"
#include "results/report/text_table.h"

namespace landed {
namespace {

TextTable::Align alignment(bool right) { return right ? TextTable::Align::kRight : TextTable::Align::kLeft; }

std::string hidden_note(const std::vector<std::string>& dropped, const char* what) {
  std::string names;
  for (const std::string& name : dropped) names += (names.empty() ? "" : ", ") + name;
  return fmt::format("{} hidden to fit the terminal: {} (--wide shows them)", what, names);
}

/// Green when every attempt passed, red when none did, yellow in between.
std::string coloured(const std::string& text, const TaskCell& c, bool color) {
  if (!color || c.attempts == 0) return text;
  const char* code = c.passes == c.attempts ? "32" : c.passes == 0 ? "31" : "33";
  return fmt::format("\033[{}m{}\033[0m", code, text);
}

std::string matrix_cell(const TaskCell& c, bool color) {
  if (c.empty()) return figures::kUnknown;
  std::string text = coloured(figures::passes(c.passes, c.attempts), c, color);
  if (c.infra_errors > 0) text += fmt::format(" +{} infra", c.infra_errors);
  return text;
}

void write_scoreboard(const ReportContext& context, const Scoreboard& board, std::ostream& out,
                      std::vector<std::string>& notes) {
  ScoreboardColumns columns = scoreboard_columns(board);
  TextTable table;
  for (std::size_t c = 0; c < columns.headers.size(); ++c)
    table.add_column(columns.headers[c], alignment(columns.right_aligned[c]), columns.priorities[c]);
  for (auto& row : columns.rows) table.add_row(row);
  std::vector<std::string> dropped = table.fit(context.layout.width);
  if (!dropped.empty()) notes.push_back(hidden_note(dropped, "columns"));
  table.write(out);
}

/// Columns are the scoreboard's ranks (#1 is its first row), so the matrix stays narrow.
void write_matrix(const ReportContext& context, const Scoreboard& board, std::ostream& out,
                  std::vector<std::string>& notes) {
  TextTable table;
  table.add_column("task", TextTable::Align::kLeft);
  for (std::size_t c = 0; c < board.contenders.size(); ++c)
    table.add_column(fmt::format("#{}", board.contenders[c].rank), TextTable::Align::kRight,
                     static_cast<int>(c) + 1);
  for (std::size_t t = 0; t < board.tasks.size(); ++t) {
    std::vector<std::string> row{board.tasks[t]};
    for (std::size_t c = 0; c < board.contenders.size(); ++c)
      row.push_back(matrix_cell(board.cell(t, c), context.layout.color));
    table.add_row(std::move(row));
  }
  std::vector<std::string> dropped = table.fit(context.layout.width);
  if (!dropped.empty()) notes.push_back(hidden_note(dropped, "matrix columns"));
  out << "\nPer task: passes/attempts by contender (#rank as above)\n\n";
  table.write(out);
}

class TableReporter final : public Reporter {
 public:
  void write(const ReportContext& context, const Scoreboard& board,
             std::ostream& out) const override {
    out << report_header(context, board) << "\n";
    if (std::string prices = price_table_line(context); !prices.empty()) out << prices << "\n";
    out << "\n";
    std::vector<std::string> layout_notes;
    write_scoreboard(context, board, out, layout_notes);
    if (context.layout.matrix) write_matrix(context, board, out, layout_notes);
    std::vector<std::string> notes = report_notes(context, board);
    notes.insert(notes.end(), layout_notes.begin(), layout_notes.end());
    if (!notes.empty()) out << "\n";
    for (const std::string& note : notes) out << note << "\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_table_reporter() { return std::make_unique<TableReporter>(); }

}  // namespace landed
