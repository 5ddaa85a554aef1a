// The `landed` command: parses the command line and dispatches to a subcommand.
#include <cstdio>
#include <cstring>
#include <iostream>

#include "harness/base/spelling.h"
#include "harness/cli/commands.h"
#include "harness/process/landlock_exec.h"
#include "landed/version.h"

namespace landed::cli {

int& exit_code() {
  static int code = kExitOk;
  return code;
}

namespace {

int exit_rank(int code) {
  if (code > 128) return 7;  // stopped by a signal
  switch (code) {
    case kExitBadInput: return 6;
    case kExitCampaignFailed: return 5;
    case kExitIncomplete: return 4;
    case kExitNothingMeasured: return 3;
    case kExitCheckFailed: return 2;
    case kExitOk: return 0;
    default: return 1;
  }
}

}  // namespace

void raise_exit_code(int code) {
  if (exit_rank(code) > exit_rank(exit_code())) exit_code() = code;
}

void fail_bad_input(const std::string& message) {
  std::cerr << "landed: " << message << "\n";
  raise_exit_code(kExitBadInput);
}

namespace {

/// A first argument that is no option and no subcommand: say what was probably meant (exit 2)
/// instead of CLI11's "The following argument was not expected".
bool reject_unknown_command(CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return false;
  const std::string typed = argv[1];
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == typed) return false;
    if (!sub->get_group().empty()) names.push_back(sub->get_name());
  }
  std::string message = "unknown command '" + typed + "'";
  if (auto suggestion = closest_spelling(typed, names)) message += "; did you mean `" + *suggestion + "`?";
  fail_bad_input(message + " (landed --help lists every command)");
  return true;
}

}  // namespace

}  // namespace landed::cli

int main(int argc, char** argv) {
  using namespace landed::cli;
  // The landlock wrapper around an agent, check or verify process: before CLI11 sees anything,
  // so the wrapped program's own arguments are passed on untouched.
  if (argc > 1 && std::strcmp(argv[1], "__exec-landlocked") == 0)
    return landed::exec_landlocked(argc - 2, argv + 2);
  CLI::App app{"landed: score AI coding agents on outcomes. What did each token buy, and how "
               "much of it landed?"};
  app.set_version_flag("--version", std::string(landed::kVersion) + " (" + landed::kGitCommit + ")");
  app.require_subcommand(1);
  register_validate(app);
  register_run(app);
  register_report(app);
  register_compare(app);
  register_routes(app);
  register_sim_agent(app);
  register_merge(app);
  register_ingest(app);
  register_publish(app);
  register_prices(app);
  register_tasks(app);
  app.footer(
      "Exit status: 0 done (measured, nothing wrong), 1 the check failed (validate found an "
      "unsound task, compare a regression), 2 bad usage or input (the message names the file, "
      "task or contender). `landed COMMAND --help` lists each command's.");
  if (reject_unknown_command(app, argc, argv)) return exit_code();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    // CLI11 returns 0 for --help and --version; every other parse error is bad usage.
    return code == 0 ? 0 : kExitBadInput;
  }
  return exit_code();
}
