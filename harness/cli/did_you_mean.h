// "did you mean `report`?" for a mistyped subcommand, as git and cargo say it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace landed::cli {

/// Levenshtein distance (insert, delete, substitute; each costs 1).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The closest of `names` to `typed`, when it is close enough to be a typo (at most 2 edits,
/// and fewer than half of the typed characters).
std::optional<std::string> closest_name(std::string_view typed, const std::vector<std::string>& names);

}  // namespace landed::cli
