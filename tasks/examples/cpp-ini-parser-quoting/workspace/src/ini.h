// Reading INI configuration files. The grammar, line by line:
//
// - Lines end at "\n"; a "\r" before it is part of the line ending, not of the line.
// - Spaces and tabs around a line are ignored. An empty line, or one whose first character is
//   ';' or '#', is a comment.
// - "[name]" opens a section (name trimmed). After the ']' only a comment may follow. A header
//   without ']' is an error. Opening a section again continues it.
// - "key = value" sets a key (key trimmed, must not be empty) in the current section; keys
//   before the first header belong to the section "". A later value replaces an earlier one.
// - An unquoted value runs up to an inline comment (a ';' or '#' preceded by a space or tab)
//   or the end of the line, and is trimmed. So "a = x#y" is "x#y" but "a = x #y" is "x".
// - A value starting with '"' is quoted: it runs to the next unescaped '"', and inside it
//   \" \\ \n \t stand for a quote, a backslash, a newline and a tab (any other escape is an
//   error). Only spaces, tabs or a comment may follow the closing quote. A missing closing
//   quote is an error.
// - Any other line is an error.
//
// Errors carry the 1-based line number; parsing goes on after an error, so every error of a
// file is reported at once and the valid lines are still read.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

struct IniError {
  std::size_t line = 0;  // 1-based
  std::string message;
};

class IniDocument {
 public:
  /// The value of `key` in `section`; nullopt when absent.
  std::optional<std::string> get(const std::string& section, const std::string& key) const {
    auto s = values_.find(section);
    if (s == values_.end()) return std::nullopt;
    auto k = s->second.find(key);
    if (k == s->second.end()) return std::nullopt;
    return k->second;
  }

  /// The value as a base-10 integer (optional sign); nullopt when absent or when the whole
  /// value is not an integer that fits a long.
  std::optional<long> get_int(const std::string& section, const std::string& key) const {
    std::optional<std::string> value = get(section, key);
    if (!value) return std::nullopt;
    return std::stol(*value);
  }

  /// true for true/yes/on/1 and false for false/no/off/0, in any letter case; nullopt when
  /// absent or anything else.
  std::optional<bool> get_bool(const std::string& section, const std::string& key) const {
    std::optional<std::string> value = get(section, key);
    if (!value) return std::nullopt;
    return *value == "true" || *value == "1";
  }

  /// Section names in order of first appearance ("" only if it holds keys).
  const std::vector<std::string>& sections() const { return order_; }

  void set(const std::string& section, const std::string& key, std::string value) {
    if (values_.find(section) == values_.end()) order_.push_back(section);
    values_[section][key] = std::move(value);
  }

 private:
  std::map<std::string, std::map<std::string, std::string>> values_;
  std::vector<std::string> order_;
};

struct IniParse {
  IniDocument document;
  std::vector<IniError> errors;
};

/// Parses INI text by the grammar above.
IniParse parse_ini(std::string_view text);
