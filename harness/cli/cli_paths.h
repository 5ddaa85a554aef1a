// Paths from the command line become absolute once, here, before anything uses them: every
// path landed hands a child process (prompt files, logs, sandboxes, configs written for
// agents) derives from these, and a child runs in another directory.
#pragma once

#include <filesystem>
#include <string>

#include <CLI/CLI.hpp>

namespace landed::cli {

/// `path` against the current directory, normalised; symlinks are kept as written.
std::filesystem::path absolute_path(const std::filesystem::path& path);

/// A CLI11 transform that makes an option's value (each value of a list) absolute. A value
/// with '#' (a history selector, DB#ID) keeps the part after '#' as it is.
CLI::Validator absolute_path_transform();

}  // namespace landed::cli
