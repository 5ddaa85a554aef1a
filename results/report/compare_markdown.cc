#include "results/report/compare_report.h"

#include "results/report/markdown_cell.h"

namespace landed {

void write_compare_markdown(const Comparison& comparison, std::ostream& out) {
  out << "## landed compare\n\n|";
  for (const std::string& h : compare_headers()) out << " " << h << " |";
  out << "\n|";
  for (std::size_t i = 0; i < compare_headers().size(); ++i) out << " --- |";
  out << "\n";
  for (const ContenderChange& c : comparison.changes) {
    out << "|";
    for (const std::string& cell : compare_row(c)) out << " " << markdown_cell(cell) << " |";
    out << "\n";
  }
  out << "\n";
  for (const std::string& note : compare_notes(comparison)) out << "- " << markdown_cell(note) << "\n";
  out << "\n**" << compare_summary(comparison) << "**\n";
}

}  // namespace landed
