// CSV of the per-task matrix, one row per task × contender (long form: easy to pivot in a
// spreadsheet or pandas). Unknown figures are empty cells, never 0.
#include <string_view>

#include <fmt/format.h>

#include "results/report/reporter.h"

namespace landed {
namespace {

/// RFC 4180: quote a field holding a comma, quote, CR or LF; double inner quotes. A field that
/// a spreadsheet would run as a formula (=, +, -, @, tab or CR first: a model name an agent
/// reported can be anything) gets a leading ' so it stays text.
std::string field(const std::string& raw) {
  const bool formula = !raw.empty() && std::string_view("=+-@\t\r").find(raw[0]) != std::string_view::npos;
  const std::string text = formula ? "'" + raw : raw;
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string number(std::optional<double> value) {
  return value ? fmt::format("{:.10g}", *value) : "";
}

std::optional<double> ratio(double num, std::int64_t den) {
  return den > 0 ? std::optional<double>(num / static_cast<double>(den)) : std::nullopt;
}

void write_cell(std::ostream& out, const std::string& task, const ContenderSummary& s,
                const TaskCell& c) {
  bool priced = c.attempts > 0 && c.priced == c.attempts;
  out << field(task) << ',' << field(s.contender.id) << ',' << field(s.contender.runner) << ','
      << field(s.contender.model.value_or("")) << ',' << field(s.contender.effort.value_or(""))
      << ',' << c.attempts << ',' << c.passes << ','
      << number(ratio(static_cast<double>(c.passes), c.attempts)) << ',' << c.infra_errors << ','
      << number(priced ? std::optional<double>(c.cost_usd) : std::nullopt) << ','
      << number(priced ? ratio(c.cost_usd, c.attempts) : std::nullopt) << ','
      << number(c.steps.value()) << ',' << number(c.wall_time_s.value()) << "\r\n";
}

class CsvReporter final : public Reporter {
 public:
  void write(const ReportContext&, const Scoreboard& board, std::ostream& out) const override {
    out << "task,contender,runner,model,effort,attempts,passes,pass_rate,infra_errors,cost_usd,"
           "cost_per_attempt_usd,steps_per_attempt,wall_time_s_per_attempt\r\n";
    for (std::size_t t = 0; t < board.tasks.size(); ++t)
      for (std::size_t c = 0; c < board.contenders.size(); ++c)
        if (!board.cell(t, c).empty())
          write_cell(out, board.tasks[t], board.contenders[c], board.cell(t, c));
  }
};

}  // namespace

std::unique_ptr<Reporter> make_csv_reporter() { return std::make_unique<CsvReporter>(); }

}  // namespace landed
