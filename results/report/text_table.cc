#include "results/report/text_table.h"

#include <algorithm>

namespace landed {

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\033' && i + 1 < text.size() && text[i + 1] == '[') {
      std::size_t end = text.find('m', i);
      if (end != std::string::npos) {
        i = end;
        continue;
      }
    }
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++width;
  }
  return width;
}

void TextTable::add_column(std::string header, Align align, int priority) {
  headers_.push_back(std::move(header));
  aligns_.push_back(align);
  priorities_.push_back(priority);
}

void TextTable::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

std::vector<std::size_t> TextTable::column_widths() const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c) {
    widths[c] = display_width(headers_[c]);
    for (const auto& row : rows_) widths[c] = std::max(widths[c], display_width(row[c]));
  }
  return widths;
}

std::size_t TextTable::width() const {
  std::vector<std::size_t> widths = column_widths();
  std::size_t total = widths.empty() ? 0 : 2 * (widths.size() - 1);
  for (std::size_t w : widths) total += w;
  return total;
}

void TextTable::drop_column(std::size_t c) {
  const auto at = static_cast<std::ptrdiff_t>(c);
  headers_.erase(headers_.begin() + at);
  aligns_.erase(aligns_.begin() + at);
  priorities_.erase(priorities_.begin() + at);
  for (auto& row : rows_) row.erase(row.begin() + at);
}

std::vector<std::string> TextTable::fit(std::size_t max_width) {
  std::vector<std::string> dropped;
  while (max_width > 0 && width() > max_width) {
    // The least important column; among equals the rightmost.
    std::size_t victim = 0;
    for (std::size_t c = 0; c < priorities_.size(); ++c)
      if (priorities_[c] >= priorities_[victim]) victim = c;
    if (priorities_.empty() || priorities_[victim] == 0) break;
    dropped.push_back(headers_[victim]);
    drop_column(victim);
  }
  return dropped;
}

void TextTable::write(std::ostream& out) const {
  std::vector<std::size_t> widths = column_widths();
  auto write_row = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      std::string pad(widths[c] - display_width(cells[c]), ' ');
      line += aligns_[c] == Align::kRight ? pad + cells[c] : cells[c] + pad;
      if (c + 1 < cells.size()) line += "  ";
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << "\n";
  };
  write_row(headers_);
  std::vector<std::string> rules;
  for (std::size_t width : widths) rules.emplace_back(width, '-');
  write_row(rules);
  for (const auto& row : rows_) write_row(row);
}

}  // namespace landed
