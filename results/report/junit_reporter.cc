// JUnit XML so CI systems show each task × contender as a test: one <testsuite> per
// contender, one <testcase> per task. A case fails when a scored attempt did not pass
// (fail, agent_error, timeout, over_budget); a case with only infra errors is <skipped>.
#include <fmt/format.h>

#include "results/report/figures.h"
#include "results/report/reporter.h"
#include "results/report/xml_escape.h"

namespace landed {
namespace {

struct SuiteCounts {
  std::int64_t tests = 0, failures = 0, skipped = 0;
};

SuiteCounts count_cases(const Scoreboard& board, std::size_t c) {
  SuiteCounts counts;
  for (std::size_t t = 0; t < board.tasks.size(); ++t) {
    const TaskCell& cell = board.cell(t, c);
    if (cell.empty()) continue;
    ++counts.tests;
    if (cell.attempts == 0) ++counts.skipped;
    else if (cell.passes < cell.attempts) ++counts.failures;
  }
  return counts;
}

void write_case(std::ostream& out, const std::string& task, const ContenderSummary& s,
                const TaskCell& cell) {
  double time = cell.wall_time_s.sum;
  out << fmt::format("    <testcase name=\"{}\" classname=\"{}\" time=\"{:.3f}\"", xml_escape(task),
                     xml_escape(s.contender.id), time);
  if (cell.attempts > 0 && cell.passes == cell.attempts) {
    out << "/>\n";
    return;
  }
  out << ">\n";
  if (cell.attempts == 0) {
    out << fmt::format("      <skipped message=\"{} infra_error attempt(s): not scored\"/>\n",
                       cell.infra_errors);
  } else {
    std::string message = fmt::format("{}/{} passed; {}", cell.passes, cell.attempts,
                                      figures::other_outcomes(cell.outcomes));
    out << fmt::format("      <failure message=\"{}\" type=\"landed.outcome\"/>\n", xml_escape(message));
  }
  out << "    </testcase>\n";
}

class JunitReporter final : public Reporter {
 public:
  void write(const ReportContext&, const Scoreboard& board, std::ostream& out) const override {
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"landed\">\n";
    for (std::size_t c = 0; c < board.contenders.size(); ++c) {
      const ContenderSummary& s = board.contenders[c];
      SuiteCounts counts = count_cases(board, c);
      out << fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
                         "skipped=\"{}\">\n", xml_escape(s.contender.id), counts.tests, counts.failures,
                         counts.skipped);
      for (std::size_t t = 0; t < board.tasks.size(); ++t)
        if (!board.cell(t, c).empty()) write_case(out, board.tasks[t], s, board.cell(t, c));
      out << "  </testsuite>\n";
    }
    out << "</testsuites>\n";
  }
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter() { return std::make_unique<JunitReporter>(); }

}  // namespace landed
