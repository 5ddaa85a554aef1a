#include "harness/cli/commands.h"

namespace landed::cli {

void register_run(CLI::App& app) {
  auto* command = app.add_subcommand("run", "not yet written");
  command->callback([] { fail_bad_input("'run' is not built yet"); });
}

}  // namespace landed::cli
