#include "harness/cli/commands.h"

namespace landed::cli {

void register_report(CLI::App& app) {
  auto* command = app.add_subcommand("report", "not yet written");
  command->callback([] { fail_bad_input("'report' is not built yet"); });
}

}  // namespace landed::cli
