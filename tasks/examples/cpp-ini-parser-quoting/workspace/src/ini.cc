#include "ini.h"

namespace {

std::string_view trim(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = s.find_last_not_of(" \t");
  return s.substr(begin, end - begin + 1);
}

std::string_view strip_comment(std::string_view line) {
  const std::size_t at = line.find_first_of(";#");
  return at == std::string_view::npos ? line : line.substr(0, at);
}

std::string unquote(std::string_view value) {
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
    value = value.substr(1, value.size() - 2);
  return std::string(value);
}

}  // namespace

IniParse parse_ini(std::string_view text) {
  IniParse result;
  std::string section;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = trim(strip_comment(text.substr(start, end - start)));
    start = end + 1;

    if (!line.empty()) {
      if (line.front() == '[') {
        section = std::string(trim(line.substr(1, line.find(']') - 1)));
      } else if (const std::size_t eq = line.find('='); eq != std::string_view::npos) {
        const std::string_view key = trim(line.substr(0, eq));
        if (key.empty()) {
          result.errors.push_back({line_number, "empty key"});
        } else {
          result.document.set(section, std::string(key), unquote(trim(line.substr(eq + 1))));
        }
      } else {
        result.errors.push_back({line_number, "expected '[section]' or 'key = value'"});
      }
    }
    ++line_number;
  }
  return result;
}
