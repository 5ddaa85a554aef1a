// Path globs as task files write them (`[verify] protect`): relative to the sandbox root,
// '/'-separated; `*` and `?` match within one path component, `**` as a whole component matches
// zero or more components. `conftest.py` matches at the root only; `**/conftest.py` at any depth.
#pragma once

#include <string_view>

namespace landed {

/// True when `path` (relative, '/'-separated, no leading "./") matches `pattern`.
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace landed
