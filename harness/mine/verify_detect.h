// The verify command of a mined task when the user gives none: detected from the files at the
// repository's root (Cargo.toml, go.mod, package.json with jest or vitest, Python projects,
// CMakeLists.txt). `{tests}` in a command stands for the task's test paths.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace landed {

/// `read_root_file(name)` gives a root file's contents, or nothing when it is absent.
std::optional<std::string> detect_verify_command(
    const std::function<std::optional<std::string>(const std::string&)>& read_root_file,
    const std::vector<std::string>& test_paths);

/// `command` with `{tests}` replaced by the paths, each quoted for /bin/sh.
std::string expand_tests(const std::string& command, const std::vector<std::string>& test_paths);

}  // namespace landed
