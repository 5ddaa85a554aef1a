// What the terminal the command writes to can show: its width and whether to colour.
#pragma once

#include <cstddef>
#include <string>

namespace landed::cli {

/// Columns of the terminal on `fd` (TIOCGWINSZ), else $COLUMNS, else 0 (no limit: a pipe or
/// a file gets every column).
std::size_t terminal_width(int fd);

/// `--color auto|always|never`: auto colours only a terminal, and never when NO_COLOR is set
/// (https://no-color.org). An unknown mode is treated as auto (CLI11 checks the choice).
bool use_color(const std::string& mode, int fd);

}  // namespace landed::cli
