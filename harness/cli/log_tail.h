// The last lines of a log, for messages that explain a failure where it is reported.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace landed::cli {

/// The last `count` lines of the file at `path` (fewer if it is shorter; none if unreadable).
/// Reads at most the file's last 64 KiB, so a huge log costs nothing.
std::vector<std::string> log_tail(const std::filesystem::path& path, int count);

/// Prints log_tail(path, count), each line after `indent`; "(empty log)" when there is none.
void print_log_tail(std::ostream& out, const std::filesystem::path& path, int count,
                    std::string_view indent);

}  // namespace landed::cli
