// `landed routes`: what-if routing over recorded outcomes. Reads single-contender records
// (and live route records) from campaign folders, runs nothing, and prints every cascade of up
// to three contenders, the oracle router, the baselines and the cost-pass frontier.
#include <iostream>
#include <memory>
#include <sstream>

#include "harness/base/files.h"
#include "harness/cli/commands.h"
#include "landed/version.h"
#include "results/report/routes_report.h"

namespace landed::cli {
namespace {

struct RoutesOptions {
  std::vector<std::string> inputs;
  std::string format = "table";
  std::vector<std::string> cascades;
  std::vector<std::string> escalate_on;
  int max_length = 3;
  std::string out;
};

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream stream(text);
  for (std::string part; std::getline(stream, part, ',');)
    if (!part.empty()) parts.push_back(part);
  return parts;
}

Result<RoutingOptions> routing_options(const RoutesOptions& options) {
  RoutingOptions routing;
  routing.max_length = static_cast<std::size_t>(options.max_length);
  for (const std::string& cascade : options.cascades) {
    auto steps = split_commas(cascade);
    if (steps.empty()) return make_error("--cascade '{}': name contenders, a,b,c", cascade);
    routing.named.push_back(std::move(steps));
  }
  if (!options.escalate_on.empty()) {
    auto rule = parse_escalation_rule(options.escalate_on);
    if (!rule.ok()) return rule.error().with_context("--escalate-on");
    routing.rule = *rule;
  }
  return routing;
}

/// --out DIR: the Markdown and JSON reports and the frontier plot, side by side.
Status write_out_dir(const std::filesystem::path& dir, const RoutesContext& context,
                     const RoutingAnalysis& analysis) {
  LANDED_TRY_STATUS(make_directories(dir));
  std::ostringstream md, json;
  write_routes_markdown(context, analysis, md);
  write_routes_json(context, analysis, json);
  LANDED_TRY_STATUS(write_file_atomic(dir / "routes.md", md.str()));
  LANDED_TRY_STATUS(write_file_atomic(dir / "routes.json", json.str()));
  return write_file_atomic(dir / "routes.svg", routes_svg(analysis));
}

Status run_routes(const RoutesOptions& options) {
  LANDED_TRY_STATUS(routes_formats().find(options.format));
  LANDED_TRY(RoutingOptions routing, routing_options(options));
  std::vector<RecordSource> sources;
  for (const std::string& input : options.inputs) {
    LANDED_TRY(RecordSource source, open_record_source(input));
    sources.push_back(std::move(source));
  }
  RoutesContext context;
  context.landed_version = kVersion;
  LANDED_TRY(RoutingAnalysis analysis, load_routes(sources, routing, context));
  if (analysis.contenders.empty())
    return make_error("no single-contender records in {}: routes needs the outcomes of "
                      "contenders run on the same tasks", options.inputs.front());
  std::ostringstream text;
  LANDED_TRY_STATUS(write_routes(options.format, context, analysis, text));
  if (!options.out.empty()) LANDED_TRY_STATUS(write_out_dir(options.out, context, analysis));
  std::cout << text.str() << std::flush;
  if (context.torn_lines > 0)
    std::cerr << "landed: warning: skipped " << context.torn_lines
              << " torn final line(s) (a run cut off mid-write)\n";
  if (std::string warning = context.read.warning(); !warning.empty())
    std::cerr << "landed: warning: " << warning << "\n";
  return ok_status();
}

}  // namespace

void register_routes(CLI::App& app) {
  auto options = std::make_shared<RoutesOptions>();
  auto* command = app.add_subcommand(
      "routes", "What-if routing over recorded outcomes: every cascade of up to three "
                "contenders, the oracle router and the cost-pass frontier. Runs nothing.");
  command->add_option("inputs", options->inputs,
                      "Campaign folders (holding records.jsonl) or records.jsonl files; their "
                      "attempts are paired by task and repeat")
      ->required();
  command->add_option("--format", options->format, routes_formats().help())->capture_default_str();
  command->add_option("--cascade", options->cascades,
                      "A cascade to evaluate besides the enumerated ones: contender ids in "
                      "order, comma-separated (repeatable)");
  command->add_option("--escalate-on", options->escalate_on,
                      "Triggers that escalate: check_failed, gave_up, agent_error, timeout, "
                      "over_budget (default: all)");
  command->add_option("--max-length", options->max_length, "Enumerate cascades up to this length")
      ->check(CLI::Range(1, 3))
      ->capture_default_str();
  command->add_option("--out", options->out,
                      "Also write routes.md, routes.json and the frontier plot routes.svg here");
  command->footer("Exit status: 0 done, 2 bad usage or input.");
  command->callback([options] {
    Status status = run_routes(*options);
    if (!status.ok()) fail_bad_input(status.error().message);
  });
}

}  // namespace landed::cli
