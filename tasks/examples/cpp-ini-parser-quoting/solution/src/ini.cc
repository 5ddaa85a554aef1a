#include "ini.h"

namespace {

constexpr std::string_view kBlank = " \t";

std::string_view trim(std::string_view s) {
  const std::size_t begin = s.find_first_not_of(kBlank);
  if (begin == std::string_view::npos) return {};
  const std::size_t end = s.find_last_not_of(kBlank);
  return s.substr(begin, end - begin + 1);
}

bool starts_comment(char c) { return c == ';' || c == '#'; }

/// True when `rest` (already trimmed) is empty or a comment: all that may end a line.
bool only_comment(std::string_view rest) { return rest.empty() || starts_comment(rest.front()); }

/// One line's value, or why it could not be read.
struct ValueRead {
  std::string value;
  std::string error;
};

ValueRead read_quoted(std::string_view text) {  // text starts with the opening quote
  ValueRead out;
  for (std::size_t i = 1; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') {
      if (!only_comment(trim(text.substr(i + 1))))
        out.error = "unexpected text after the closing quote";
      return out;
    }
    if (c != '\\') {
      out.value.push_back(c);
      continue;
    }
    const char escaped = ++i < text.size() ? text[i] : '\0';
    switch (escaped) {
      case '"': out.value.push_back('"'); break;
      case '\\': out.value.push_back('\\'); break;
      case 'n': out.value.push_back('\n'); break;
      case 't': out.value.push_back('\t'); break;
      default:
        out.error = std::string("unknown escape '\\") + escaped + "' in a quoted value";
        return out;
    }
  }
  out.error = "missing closing quote";
  return out;
}

/// `raw` is everything after the '='. An inline comment needs a blank before it, so a ';' or
/// '#' right after the '=' or inside a word (a URL fragment) belongs to the value.
ValueRead read_value(std::string_view raw) {
  const std::size_t first = raw.find_first_not_of(kBlank);
  if (first != std::string_view::npos && raw[first] == '"') return read_quoted(raw.substr(first));
  std::size_t end = raw.size();
  for (std::size_t i = 1; i < raw.size(); ++i) {
    if (starts_comment(raw[i]) && (raw[i - 1] == ' ' || raw[i - 1] == '\t')) {
      end = i;
      break;
    }
  }
  return {std::string(trim(raw.substr(0, end))), ""};
}

/// Reads a "[name]" line into `section`; returns an error message or "".
std::string read_header(std::string_view line, std::string& section) {
  const std::size_t close = line.find(']');
  if (close == std::string_view::npos) return "missing ']' in section header";
  if (!only_comment(trim(line.substr(close + 1)))) return "unexpected text after ']'";
  section = std::string(trim(line.substr(1, close - 1)));
  return "";
}

/// Reads one line (without its line ending) into `result`.
void read_line(std::string_view raw, std::size_t number, std::string& section, IniParse& result) {
  const std::string_view line = trim(raw);
  if (line.empty() || starts_comment(line.front())) return;
  std::string error;
  if (line.front() == '[') {
    error = read_header(line, section);
  } else if (const std::size_t eq = line.find('='); eq == std::string_view::npos) {
    error = "expected '[section]' or 'key = value'";
  } else if (const std::string_view key = trim(line.substr(0, eq)); key.empty()) {
    error = "empty key";
  } else {
    ValueRead value = read_value(line.substr(eq + 1));
    error = value.error;
    if (error.empty()) result.document.set(section, std::string(key), std::move(value.value));
  }
  if (!error.empty()) result.errors.push_back({number, error});
}

}  // namespace

IniParse parse_ini(std::string_view text) {
  IniParse result;
  std::string section;
  std::size_t number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    read_line(line, ++number, section, result);
    start = end + 1;
  }
  return result;
}
