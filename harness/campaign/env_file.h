// env.txt: the environment a verify command ran with, written into the attempt's folder so a
// failing verify can be reproduced by hand — with every secret masked.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/base/error.h"

namespace landed {

/// True for a name that looks like it holds a secret: it contains KEY, TOKEN, SECRET or
/// PASSWORD, in any case.
bool is_secret_name(std::string_view name);

/// One "NAME=value" line per entry of `env`, sorted; the value is "***" when the name looks
/// secret or the value is one of `secret_values` (e.g. the contender's env_from values).
std::string env_file_text(const std::vector<std::string>& env,
                          const std::vector<std::string>& secret_values);

Status write_env_file(const std::filesystem::path& path, const std::vector<std::string>& env,
                      const std::vector<std::string>& secret_values);

}  // namespace landed
