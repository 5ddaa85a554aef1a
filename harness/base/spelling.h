// "Did you mean ...?": the known name closest to a mistyped one, for error messages (runner
// options, TOML keys) and for a mistyped subcommand ("did you mean `report`?", as git and cargo
// say it). The one spelling helper: harness/cli has none of its own.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace landed {

/// Levenshtein distance (insert, delete, substitute; each costs 1), byte-wise.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The name of `known` nearest to `word` by edit distance (case-insensitive, '_' and '-'
/// ignored), when it is within a third of the word's length (at least 1); else nothing.
std::optional<std::string> closest_spelling(std::string_view word,
                                            const std::vector<std::string>& known);

/// " (did you mean \"NAME\"?)" for the closest spelling, or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& known);

}  // namespace landed
