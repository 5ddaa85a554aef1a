#include "harness/cli/isolation_choice.h"

#include <fmt/ranges.h>

#include <iostream>

#include "harness/process/isolation_probe.h"

namespace landed::cli {

Result<IsolationMode> choose_isolation(const std::string& flag,
                                       const std::optional<std::string>& configured) {
  const std::string asked = !flag.empty() ? flag : configured.value_or("auto");
  LANDED_TRY(const IsolationMode requested, parse_isolation_mode(asked));
  LANDED_TRY(const IsolationMode mode, select_isolation(requested, probe_isolation()));
  const std::vector<std::string> missing = missing_guarantees(mode, false);
  if (requested == IsolationMode::kAuto)
    std::cerr << fmt::format("landed: isolation: {} (auto){}\n", to_string(mode),
                             missing.empty() ? "" : fmt::format(": {}", fmt::join(missing, ", ")));
  if (mode == IsolationMode::kNone)
    std::cerr << "landed: warning: isolation none: agents, checks and verify commands can read "
                 "and write everything you can (hidden tests included); every record says so\n";
  return mode;
}

}  // namespace landed::cli
