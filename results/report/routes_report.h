// `landed routes` output: the what-if routing analysis (scoring/routing_analysis.h) as a
// terminal table, Markdown, JSON (results/REPORT_SCHEMA.md, "landed routes") and an SVG plot
// of the cost-pass frontier. One function per format, each in its own routes_*.cc file.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "results/report/format_registry.h"
#include "results/source/record_source.h"
#include "scoring/routing_analysis.h"

namespace landed {

struct RoutesContext {
  std::vector<RecordSource> sources;
  std::string landed_version;
  std::int64_t torn_lines = 0;
  ReadSummary read;  // what the records reader skipped, over all sources
};

/// Streams every record of `sources` into the analysis (full records: the check is needed).
Result<RoutingAnalysis> load_routes(const std::vector<RecordSource>& sources,
                                    const RoutingOptions& options, RoutesContext& context);

using RoutesWriter = void (*)(const RoutesContext&, const RoutingAnalysis&, std::ostream&);
/// The formats `landed routes --format` accepts, in --help order.
const FormatRegistry<RoutesWriter>& routes_formats();
/// Writes `format`; an unknown format is an error.
Status write_routes(std::string_view format, const RoutesContext& context,
                    const RoutingAnalysis& analysis, std::ostream& out);

void write_routes_table(const RoutesContext& context, const RoutingAnalysis& analysis,
                        std::ostream& out);
void write_routes_markdown(const RoutesContext& context, const RoutingAnalysis& analysis,
                           std::ostream& out);
void write_routes_json(const RoutesContext& context, const RoutingAnalysis& analysis,
                       std::ostream& out);
/// A standalone SVG document: cost per attempt (log axis) against pass rate with 95% bars,
/// the frontier line, single contenders, cascades, the oracle and live routes marked.
std::string routes_svg(const RoutingAnalysis& analysis);

/// The paragraph a manager reads: how much of the best pass rate each cheaper frontier route
/// keeps and at what fraction of its cost, the oracle's bound, and the caveat on escalation.
std::string routes_summary(const RoutingAnalysis& analysis);
/// The policies a human-readable format lists: all when few, else singles, the frontier,
/// named cascades and the oracle. Indices into analysis.policies, best pass rate first.
std::vector<std::size_t> listed_policies(const RoutingAnalysis& analysis);
/// Fraction of the best policy's pass rate and of its cost per attempt; null when unknown.
std::optional<double> share_of_best_pass(const RoutingAnalysis& analysis, const PolicyResult& p);
std::optional<double> share_of_best_cost(const RoutingAnalysis& analysis, const PolicyResult& p);

/// Column headers and one row of cells per listed policy, for the table and Markdown formats.
std::vector<std::string> routes_headers();
std::vector<std::string> routes_row(const RoutingAnalysis& analysis, const PolicyResult& p);
/// One line per live route: live figures beside the offline prediction and the verdict.
std::vector<std::string> live_route_headers();
std::vector<std::string> live_route_row(const LiveRoute& route);

}  // namespace landed
