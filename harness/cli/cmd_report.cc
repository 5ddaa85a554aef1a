// `landed report`: the scoreboard of one or more campaigns, in the format CI or people need.
#include <unistd.h>

#include <cctype>
#include <iostream>
#include <memory>
#include <sstream>

#include "harness/base/files.h"
#include "harness/base/text_safety.h"
#include "harness/cli/commands.h"
#include "harness/cli/selection.h"
#include "harness/cli/terminal.h"
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
  bool no_matrix = false;
  bool wide = false;
  std::string color = "auto";
  Selection selection;
};

/// Width and colour only for a terminal (or $COLUMNS); a file written with --out gets all.
TerminalLayout layout_of(const ReportOptions& options) {
  TerminalLayout layout;
  layout.matrix = !options.no_matrix;
  const bool to_stdout = options.out.empty();
  layout.width = options.wide || !to_stdout ? 0 : terminal_width(STDOUT_FILENO);
  layout.color = to_stdout && use_color(options.color, STDOUT_FILENO);
  return layout;
}

std::string joined(const std::vector<std::string>& inputs) {
  std::string text;
  for (const std::string& input : inputs) text += (text.empty() ? "" : ", ") + input;
  return text;
}

Result<std::vector<RecordSource>> open_sources(const std::vector<std::string>& inputs) {
  std::vector<RecordSource> sources;
  for (const std::string& input : inputs) {
    LANDED_TRY(RecordSource source, open_record_source(input));
    sources.push_back(std::move(source));
  }
  return sources;
}

/// Length of the SGR colour sequence (ESC [ digits/; m) at `text[at]`, or 0: the report's own
/// colours survive on a terminal, every other escape sequence does not.
std::size_t colour_sequence(std::string_view text, std::size_t at) {
  if (text.substr(at, 2) != "\033[") return 0;
  std::size_t end = at + 2;
  while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == ';'))
    ++end;
  return end < text.size() && text[end] == 'm' ? end + 1 - at : 0;
}

/// What a terminal is shown: no control characters but colours (an agent's model name may
/// carry escape sequences that would rewrite the screen or the window title), line by line.
std::string for_terminal(const std::string& text) {
  std::string shown;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::size_t piece = 0;
    for (std::size_t at = 0; at < line.size(); ++at) {
      const std::size_t colour = colour_sequence(line, at);
      if (colour == 0) continue;
      shown += strip_controls(std::string_view(line).substr(piece, at - piece)) + line.substr(at, colour);
      at += colour - 1;
      piece = at + 1;
    }
    shown += strip_controls(std::string_view(line).substr(piece)) + "\n";
  }
  return shown;
}

Status write_output(const std::string& text, const std::string& out) {
  if (out.empty()) {
    std::cout << (::isatty(STDOUT_FILENO) ? for_terminal(text) : text) << std::flush;
    return ok_status();
  }
  return write_file_atomic(out, text);
}

Status run_report(const ReportOptions& options) {
  LANDED_TRY(const Format<ReporterFactory>* format, report_formats().find(options.format));
  std::unique_ptr<Reporter> reporter = format->writer();
  std::optional<std::filesystem::path> price_file;
  if (!options.prices.empty()) price_file = options.prices;
  LANDED_TRY(PriceTable prices, price_table_with_override(price_file));
  LANDED_TRY(std::vector<RecordSource> sources, open_sources(options.inputs));
  RecordFilter keep;
  if (!options.selection.empty())
    keep = [&selection = options.selection](const Record& r) { return selection.keeps(r); };
  LANDED_TRY(LoadedScoreboard loaded,
             load_scoreboard(sources, prices, options.reprice || price_file.has_value(),
                             options.threads, keep));
  LANDED_TRY_STATUS(check_selection_matched(options.selection, loaded.board, joined(options.inputs)));
  loaded.context.landed_version = kVersion;
  loaded.context.layout = layout_of(options);
  std::ostringstream text;
  reporter->write(loaded.context, loaded.board, text);
  if (loaded.context.torn_lines > 0)
    std::cerr << "landed: warning: skipped " << loaded.context.torn_lines
              << " torn final line(s) (a run cut off mid-write)\n";
  if (std::string warning = loaded.read.warning(); !warning.empty())
    std::cerr << "landed: warning: " << warning << "\n";
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
  command->add_option("--format", options->format, report_formats().help())
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
  command->add_flag("--no-matrix", options->no_matrix,
                    "table: leave out the per-task matrix (task x contender, passes/attempts)");
  command->add_flag("--wide", options->wide,
                    "table: every column, however wide (default: fit the terminal, dropping "
                    "the least important columns and saying which)");
  command->add_option("--color", options->color,
                      "table: colour the matrix: auto (a terminal, unless NO_COLOR is set), "
                      "always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  add_selection_options(command, options->selection);
  command->footer("Exit status: 0 done, 2 bad usage or input (an unreadable file, an unknown "
                  "format, a --task or --contender glob that matches nothing).");
  command->callback([options] {
    Status status = run_report(*options);
    if (!status.ok()) fail_bad_input(status.error().message);
  });
}

}  // namespace landed::cli
