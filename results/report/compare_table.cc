#include "results/report/compare_report.h"

#include "results/report/text_table.h"

namespace landed {

void write_compare_table(const Comparison& comparison, std::ostream& out) {
  TextTable table;
  for (const std::string& h : compare_headers()) table.add_column(h, TextTable::Align::kLeft);
  for (const ContenderChange& c : comparison.changes) table.add_row(compare_row(c));
  table.write(out);
  out << "\n";
  for (const std::string& note : compare_notes(comparison)) out << note << "\n";
  out << compare_summary(comparison) << "\n";
}

}  // namespace landed
