// Every path landed itself hands a child process must be absolute: the child starts in another
// directory (its sandbox), where a relative path names something else or nothing. The CLI makes
// its paths absolute once (harness/cli/cli_paths.h); these checks catch any that slip through.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "harness/base/error.h"

namespace landed {

/// Error "<what> handed to a child is relative: PATH" unless `path` is empty or absolute.
Status check_absolute(std::string_view what, const std::filesystem::path& path);

/// The variables of `env` ("KEY=VALUE") that name a path — KEY ends in _FILE, _DIR or _HOME, or
/// is HOME or TMPDIR — must hold absolute paths. Pass only the variables landed made.
Status check_path_variables(const std::vector<std::string>& env);

}  // namespace landed
