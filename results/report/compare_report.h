// How `landed compare` prints a comparison: a terminal table, Markdown, or JSON.
#pragma once

#include <ostream>
#include <string_view>

#include "scoring/compare.h"

namespace landed {

/// Formats: table, md, json. False for an unknown format (nothing written).
bool write_comparison(std::string_view format, const Comparison& comparison,
                      std::ostream& out);

}  // namespace landed
