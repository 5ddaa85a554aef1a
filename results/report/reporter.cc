#include "results/report/reporter.h"

namespace landed {

const std::vector<std::string>& report_formats() {
  static const std::vector<std::string> formats{"table", "md", "json", "csv", "junit"};
  return formats;
}

std::unique_ptr<Reporter> make_reporter(std::string_view format) {
  if (format == "table") return make_table_reporter();
  if (format == "md" || format == "markdown") return make_markdown_reporter();
  if (format == "json") return make_json_reporter();
  if (format == "csv") return make_csv_reporter();
  if (format == "junit") return make_junit_reporter();
  return nullptr;
}

}  // namespace landed
