#include "harness/cli/commands.h"

namespace landed::cli {

void register_compare(CLI::App& app) {
  auto* command = app.add_subcommand("compare", "not yet written");
  command->callback([] { fail_bad_input("'compare' is not built yet"); });
}

}  // namespace landed::cli
