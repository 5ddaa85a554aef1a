// A plain-text table with aligned columns, measured in characters (UTF-8 aware, colour
// escapes not counted) so "—" and "≥" line up with ASCII, and fitted to a terminal's width by
// dropping its least important columns.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace landed {

class TextTable {
 public:
  enum class Align { kLeft, kRight };
  /// `priority` 0 is never dropped; a higher number is dropped first by fit().
  void add_column(std::string header, Align align, int priority = 0);
  void add_row(std::vector<std::string> cells);
  /// Drops the columns of highest priority number (rightmost first) until the table is at
  /// most `max_width` characters wide (0: no limit). Returns the dropped headers, first
  /// dropped first.
  std::vector<std::string> fit(std::size_t max_width);
  /// Characters of the widest line.
  std::size_t width() const;
  void write(std::ostream& out) const;

 private:
  std::vector<std::size_t> column_widths() const;
  void drop_column(std::size_t c);
  std::vector<std::string> headers_;
  std::vector<Align> aligns_;
  std::vector<int> priorities_;
  std::vector<std::vector<std::string>> rows_;
};

/// Characters in a UTF-8 string: continuation bytes and ANSI colour escapes do not count.
std::size_t display_width(const std::string& text);

}  // namespace landed
