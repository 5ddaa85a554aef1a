// The isolation mode of a `landed run` or `landed validate`: --isolation, else the config's
// [run] isolation, else auto; says on stderr what auto picked and warns once for none.
#pragma once

#include <optional>
#include <string>

#include "harness/base/error.h"
#include "harness/process/isolation.h"

namespace landed::cli {

/// Help text of --isolation, shared by run and validate.
inline constexpr const char* kIsolationHelp =
    "What agent, check and verify processes can reach: auto (the strongest that works here), "
    "namespaces (bubblewrap), landlock, or none (default: the config's [run] isolation, else auto)";

/// Error (exit 2) when the asked mode is unknown or unavailable here, with the fix.
Result<IsolationMode> choose_isolation(const std::string& flag,
                                       const std::optional<std::string>& configured);

}  // namespace landed::cli
