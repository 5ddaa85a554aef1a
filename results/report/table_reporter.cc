// The terminal scoreboard: one row per contender, best first, read like Cursor's board.
#include <fmt/format.h>

#include "results/report/notes.h"
#include "results/report/reporter.h"
#include "results/report/scoreboard_rows.h"
#include "results/report/text_table.h"

namespace landed {
namespace {

class TableReporter final : public Reporter {
 public:
  void write(const ReportContext& context, const Scoreboard& board,
             std::ostream& out) const override {
    out << report_header(context, board) << "\n\n";
    ScoreboardColumns columns = scoreboard_columns(board);
    TextTable table;
    for (std::size_t c = 0; c < columns.headers.size(); ++c)
      table.add_column(columns.headers[c], columns.right_aligned[c] ? TextTable::Align::kRight
                                                                     : TextTable::Align::kLeft);
    for (auto& row : columns.rows) table.add_row(row);
    table.write(out);
    std::vector<std::string> notes = report_notes(context, board);
    if (!notes.empty()) out << "\n";
    for (const std::string& note : notes) out << note << "\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_table_reporter() { return std::make_unique<TableReporter>(); }

}  // namespace landed
