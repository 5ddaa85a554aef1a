// A plain-text table with aligned columns, measured in characters (UTF-8 aware) so "—" and
// "≥" line up with ASCII.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace landed {

class TextTable {
 public:
  enum class Align { kLeft, kRight };
  void add_column(std::string header, Align align);
  void add_row(std::vector<std::string> cells);
  void write(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> aligns_;
  std::vector<std::vector<std::string>> rows_;
};

/// Characters in a UTF-8 string (continuation bytes do not count).
std::size_t display_width(const std::string& text);

}  // namespace landed
