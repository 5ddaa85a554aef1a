#include "results/report/reporter.h"

namespace landed {

const FormatRegistry<ReporterFactory>& report_formats() {
  static const FormatRegistry<ReporterFactory> formats({
      {"table", "aligned columns and the per-task matrix, for a terminal", make_table_reporter},
      {"md", "Markdown tables, for a pull request or a wiki", make_markdown_reporter, "markdown"},
      {"json", "every figure, for programs (results/REPORT_SCHEMA.md)", make_json_reporter},
      {"csv", "one row per contender, for a spreadsheet", make_csv_reporter},
      {"junit", "JUnit XML, a test case per task and contender, for CI", make_junit_reporter},
  });
  return formats;
}

std::unique_ptr<Reporter> make_reporter(std::string_view format) {
  Result<const Format<ReporterFactory>*> found = report_formats().find(format);
  return found.ok() ? (*found)->writer() : nullptr;
}

}  // namespace landed
