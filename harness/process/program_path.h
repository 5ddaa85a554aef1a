// Finds the executable a child runs: argv[0] on the PATH of the child's own environment.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/base/error.h"

namespace landed {

/// The PATH used when the environment has none (what a shell of a login-less service gets).
inline constexpr const char* kDefaultSearchPath = "/usr/local/bin:/usr/bin:/bin";

/// `name` itself when it contains a '/' (relative to `cwd`, where the child starts); otherwise
/// the first executable regular file `dir/name` over PATH of `env`. Empty PATH entries and
/// relative ones are taken relative to `cwd`, as they would be in the child.
/// Error: "'name' not found on PATH=...".
Result<std::string> resolve_program(const std::string& name, const std::vector<std::string>& env,
                                    const std::filesystem::path& cwd);

}  // namespace landed
