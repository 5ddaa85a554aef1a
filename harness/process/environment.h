// Environment lists of children: what they inherit, the run's sweep token, lookups by name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace landed {

/// The value of `name` in a "K=V" list (the last one wins, as getenv would after putenv).
std::optional<std::string> environment_value(const std::vector<std::string>& env,
                                             std::string_view name);

/// `env` with every `name=` entry replaced by one "name=value" at the end.
std::vector<std::string> with_variable(std::vector<std::string> env, std::string_view name,
                                       std::string_view value);

/// 32 random hex digits: unique enough that two runs never share a sweep token.
std::string new_sweep_token();

}  // namespace landed
