// The one escaper of a Markdown table cell, for report, routes and compare.
#pragma once

#include <string>
#include <string_view>

namespace landed {

/// A table cell: a pipe would end the cell and a newline the row; < and & could start HTML.
/// `>` is kept: alone it cannot open a tag (the report goldens are written this way).
std::string markdown_cell(std::string_view text);

}  // namespace landed
