// The `landed` command: parses the command line and dispatches to a subcommand.
#include <cstdio>
#include <iostream>

#include "harness/cli/commands.h"
#include "landed/version.h"

namespace landed::cli {

int& exit_code() {
  static int code = kExitOk;
  return code;
}

void fail_bad_input(const std::string& message) {
  std::cerr << "landed: " << message << "\n";
  exit_code() = kExitBadInput;
}

}  // namespace landed::cli

int main(int argc, char** argv) {
  using namespace landed::cli;
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
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    // CLI11 returns 0 for --help and --version; every other parse error is bad usage.
    return code == 0 ? 0 : kExitBadInput;
  }
  return exit_code();
}
