#include "harness/cli/commands.h"

namespace landed::cli {

void register_validate(CLI::App& app) {
  auto* command = app.add_subcommand("validate", "not yet written");
  command->callback([] { fail_bad_input("'validate' is not built yet"); });
}

}  // namespace landed::cli
