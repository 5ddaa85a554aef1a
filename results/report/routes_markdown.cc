// Markdown for `landed routes --format md`: the paragraph, the policies, the live routes.
#include <fmt/format.h>

#include "results/report/markdown_cell.h"
#include "results/report/routes_report.h"

namespace landed {
namespace {

void write_table(std::ostream& out, const std::vector<std::string>& headers,
                 const std::vector<std::vector<std::string>>& rows, std::size_t left_columns) {
  out << "|";
  for (const auto& h : headers) out << " " << markdown_cell(h) << " |";
  out << "\n|";
  for (std::size_t i = 0; i < headers.size(); ++i) out << (i < left_columns ? " :--- |" : " ---: |");
  out << "\n";
  for (const auto& row : rows) {
    out << "|";
    for (const auto& c : row) out << " " << markdown_cell(c) << " |";
    out << "\n";
  }
}

}  // namespace

void write_routes_markdown(const RoutesContext&, const RoutingAnalysis& a, std::ostream& out) {
  out << "## Routing: what-if over recorded outcomes\n\n" << markdown_cell(routes_summary(a)) << "\n\n";
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i : listed_policies(a)) rows.push_back(routes_row(a, a.policies[i]));
  write_table(out, routes_headers(), rows, 2);
  if (rows.size() < a.policies.size())
    out << fmt::format("\n{} more cascades off the frontier are in `--format json`.\n",
                       a.policies.size() - rows.size());
  if (a.live.empty()) return;
  out << "\n### Live routes against their offline prediction\n\n";
  std::vector<std::vector<std::string>> live;
  for (const LiveRoute& r : a.live) live.push_back(live_route_row(r));
  write_table(out, live_route_headers(), live, 2);
}

}  // namespace landed
