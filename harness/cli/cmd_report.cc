// `landed report`: the scoreboard of one or more campaigns, in the format CI or people need.
#include <iostream>
#include <memory>
#include <sstream>

#include "harness/base/files.h"
#include "harness/cli/commands.h"
#include "landed/version.h"
#include "results/report/load.h"
#include "results/report/reporter.h"

namespace landed::cli {
namespace {

struct ReportOptions {
  std::vector<std::string> inputs;
  std::string format = "table";
  std::string prices;
  bool reprice = false;
  std::string out;
  int threads = 0;
};

Result<std::vector<RecordSource>> open_sources(const std::vector<std::string>& inputs) {
  std::vector<RecordSource> sources;
  for (const std::string& input : inputs) {
    LANDED_TRY(RecordSource source, open_record_source(input));
    sources.push_back(std::move(source));
  }
  return sources;
}

Status write_output(const std::string& text, const std::string& out) {
  if (out.empty()) {
    std::cout << text << std::flush;
    return ok_status();
  }
  return write_file_atomic(out, text);
}

Status run_report(const ReportOptions& options) {
  std::unique_ptr<Reporter> reporter = make_reporter(options.format);
  if (!reporter) return make_error("unknown --format '{}'", options.format);
  std::optional<std::filesystem::path> price_file;
  if (!options.prices.empty()) price_file = options.prices;
  LANDED_TRY(PriceTable prices, price_table_with_override(price_file));
  LANDED_TRY(std::vector<RecordSource> sources, open_sources(options.inputs));
  LANDED_TRY(LoadedScoreboard loaded,
             load_scoreboard(sources, prices, options.reprice || price_file.has_value(),
                             options.threads));
  loaded.context.landed_version = kVersion;
  std::ostringstream text;
  reporter->write(loaded.context, loaded.board, text);
  if (loaded.context.torn_lines > 0)
    std::cerr << "landed: warning: skipped " << loaded.context.torn_lines
              << " torn final line(s) (a run cut off mid-write)\n";
  return write_output(text.str(), options.out);
}

}  // namespace

void register_report(CLI::App& app) {
  auto options = std::make_shared<ReportOptions>();
  auto* command = app.add_subcommand(
      "report", "The scoreboard of one or more campaigns: pass rate with a 95% interval, dollars "
                "per attempt and per solved task, tokens, steps, time.");
  command->add_option("inputs", options->inputs,
                      "Campaign folders (holding records.jsonl) or records.jsonl files; several "
                      "are pooled into one scoreboard")
      ->required();
  command->add_option("--format", options->format, "table | md | json | csv | junit")
      ->capture_default_str();
  command->add_option("--prices", options->prices,
                      "A price file (TOML like scoring/prices.toml, or LiteLLM's .json) merged "
                      "over the built-in prices; re-prices every record");
  command->add_flag("--reprice", options->reprice,
                    "Re-price every record with the built-in prices instead of its stored cost");
  command->add_option("--out", options->out, "Write the report to FILE instead of stdout");
  command->add_option("--threads", options->threads,
                      "Threads reading a large records file (default: one per core, 1 below "
                      "32 MiB)")
      ->check(CLI::Range(0, 64));
  command->footer("Exit status: 0 done, 2 bad usage or input.");
  command->callback([options] {
    Status status = run_report(*options);
    if (!status.ok()) fail_bad_input(status.error().message);
  });
}

}  // namespace landed::cli
