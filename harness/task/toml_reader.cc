#include "harness/task/toml_reader.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "harness/base/files.h"

namespace landed {

namespace {

bool is_bare_key(std::string_view key) {
  if (key.empty()) return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

/// `key` as TOML would spell it: bare if it can be, else quoted.
std::string spell_key(std::string_view key) {
  if (is_bare_key(key)) return std::string(key);
  std::string quoted = "\"";
  for (char c : key) {
    if (c == '"' || c == '\\') quoted.push_back('\\');
    quoted.push_back(c);
  }
  return quoted + "\"";
}

std::string join_key(std::string_view prefix, std::string_view key) {
  if (prefix.empty()) return spell_key(key);
  return fmt::format("{}.{}", prefix, spell_key(key));
}

/// One key nobody read, with where it is, for finish().
struct UnreadKey {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string name;
  const toml::table* table = nullptr;
};

}  // namespace

/// Which nodes were read and which keys each table was asked for, shared by a reader and the
/// readers of its sub-tables.
struct TomlReader::ReadLog {
  std::unordered_set<const toml::node*> read;
  std::unordered_map<const toml::table*, std::set<std::string>> asked;
};

std::string_view toml_type_name(const toml::node& node) {
  switch (node.type()) {
    case toml::node_type::string:
      return "string";
    case toml::node_type::integer:
      return "integer";
    case toml::node_type::floating_point:
      return "float";
    case toml::node_type::boolean:
      return "boolean";
    case toml::node_type::table:
      return "table";
    case toml::node_type::array:
      return "array";
    case toml::node_type::date:
      return "date";
    case toml::node_type::time:
      return "time";
    case toml::node_type::date_time:
      return "date-time";
    case toml::node_type::none:
      break;
  }
  return "nothing";
}

std::string toml_location(const std::filesystem::path& file, const toml::node& node) {
  const std::uint32_t line = node.source().begin.line;
  if (line == 0) return fmt::format("{}: ", file.string());
  return fmt::format("{}:{}: ", file.string(), line);
}

Result<toml::table> parse_toml_string(std::string_view text,
                                      const std::filesystem::path& source_name) {
  try {
    return toml::parse(text, source_name.string());
  } catch (const toml::parse_error& error) {
    const toml::source_position& at = error.source().begin;
    return make_error("{}:{}:{}: {}", source_name.string(), at.line, at.column,
                      error.description());
  }
}

Result<toml::table> parse_toml_file(const std::filesystem::path& path) {
  LANDED_TRY(std::string text, read_file(path));
  return parse_toml_string(text, path);
}

TomlReader::TomlReader(const toml::table& table, std::filesystem::path file, std::string key_prefix)
    : TomlReader(table, std::move(file), std::move(key_prefix), std::make_shared<ReadLog>()) {}

TomlReader::TomlReader(const toml::table& table, std::filesystem::path file, std::string key_prefix,
                       std::shared_ptr<ReadLog> log)
    : table_(&table), file_(std::move(file)), prefix_(std::move(key_prefix)), log_(std::move(log)) {
  log_->asked.try_emplace(table_);
}

TomlReader TomlReader::child(const toml::table& table, std::string prefix) const {
  return TomlReader(table, file_, std::move(prefix), log_);
}

const toml::node* TomlReader::take(std::string_view key) {
  log_->asked[table_].emplace(key);
  const toml::node* node = table_->get(key);
  if (node != nullptr) log_->read.insert(node);
  return node;
}

bool TomlReader::contains(std::string_view key) const { return table_->contains(key); }

std::string TomlReader::key_name(std::string_view key) const { return join_key(prefix_, key); }

Error TomlReader::error_at(std::string_view key, std::string_view message) const {
  const toml::node* node = table_->get(key);
  return Error{toml_location(file_, node != nullptr ? *node : *table_) + std::string(message)};
}

Error TomlReader::wrong_type(std::string_view key, const toml::node& node,
                             std::string_view wanted) const {
  return Error{fmt::format("{}{} must be {}, got {}", toml_location(file_, node), key_name(key),
                           wanted, toml_type_name(node))};
}

Result<std::optional<std::string>> TomlReader::optional_string(std::string_view key) {
  const toml::node* node = take(key);
  if (node == nullptr) return std::optional<std::string>();
  const auto* text = node->as_string();
  if (text == nullptr) return wrong_type(key, *node, "a string");
  return std::optional<std::string>(text->get());
}

Result<std::string> TomlReader::required_string(std::string_view key) {
  LANDED_TRY(std::optional<std::string> text, optional_string(key));
  if (!text) return error_at(key, fmt::format("missing required key {}", key_name(key)));
  if (text->empty()) return error_at(key, fmt::format("{} must not be empty", key_name(key)));
  return std::move(*text);
}

static std::string range_text(std::int64_t min, std::int64_t max) {
  constexpr std::int64_t lowest = std::numeric_limits<std::int64_t>::min();
  constexpr std::int64_t highest = std::numeric_limits<std::int64_t>::max();
  if (max == highest) return fmt::format("at least {}", min);
  if (min == lowest) return fmt::format("at most {}", max);
  return fmt::format("between {} and {}", min, max);
}

Result<std::optional<std::int64_t>> TomlReader::optional_int(std::string_view key, std::int64_t min,
                                                             std::int64_t max) {
  const toml::node* node = take(key);
  if (node == nullptr) return std::optional<std::int64_t>();
  const auto* integer = node->as_integer();
  if (integer == nullptr) return wrong_type(key, *node, "an integer");
  const std::int64_t value = integer->get();
  if (value < min || value > max)
    return error_at(
        key, fmt::format("{} must be {}, got {}", key_name(key), range_text(min, max), value));
  return std::optional<std::int64_t>(value);
}

Result<std::optional<double>> TomlReader::optional_number(std::string_view key) {
  const toml::node* node = take(key);
  if (node == nullptr) return std::optional<double>();
  double value = 0;
  if (const auto* integer = node->as_integer()) {
    value = static_cast<double>(integer->get());
  } else if (const auto* floating = node->as_floating_point()) {
    value = floating->get();
  } else {
    return wrong_type(key, *node, "a number");
  }
  if (!std::isfinite(value))
    return error_at(key, fmt::format("{} must be a finite number, got {}", key_name(key), value));
  return std::optional<double>(value);
}

Result<std::optional<bool>> TomlReader::optional_bool(std::string_view key) {
  const toml::node* node = take(key);
  if (node == nullptr) return std::optional<bool>();
  const auto* boolean = node->as_boolean();
  if (boolean == nullptr) return wrong_type(key, *node, "a boolean (true or false)");
  return std::optional<bool>(boolean->get());
}

Result<std::vector<std::string>> TomlReader::string_list(std::string_view key) {
  std::vector<std::string> list;
  const toml::node* node = take(key);
  if (node == nullptr) return list;
  const toml::array* array = node->as_array();
  if (array == nullptr) return wrong_type(key, *node, "an array of strings");
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    const auto* text = element.as_string();
    if (text == nullptr)
      return Error{fmt::format("{}{}[{}] must be a string, got {}", toml_location(file_, element),
                               key_name(key), i, toml_type_name(element))};
    list.push_back(text->get());
  }
  return list;
}

Result<std::optional<TomlReader>> TomlReader::optional_table(std::string_view key) {
  const toml::node* node = take(key);
  if (node == nullptr) return std::optional<TomlReader>();
  const toml::table* table = node->as_table();
  if (table == nullptr) return wrong_type(key, *node, "a table");
  return std::optional<TomlReader>(child(*table, key_name(key)));
}

Result<std::vector<TomlReader>> TomlReader::table_array(std::string_view key) {
  std::vector<TomlReader> readers;
  const toml::node* node = take(key);
  if (node == nullptr) return readers;
  const toml::array* array = node->as_array();
  if (array == nullptr)
    return wrong_type(key, *node, "an array of tables ([[" + key_name(key) + "]])");
  for (std::size_t i = 0; i < array->size(); ++i) {
    const toml::node& element = *array->get(i);
    const toml::table* table = element.as_table();
    if (table == nullptr)
      return Error{fmt::format("{}{}[{}] must be a table, got {}", toml_location(file_, element),
                               key_name(key), i, toml_type_name(element))};
    readers.push_back(child(*table, fmt::format("{}[{}]", key_name(key), i)));
  }
  return readers;
}

Result<std::map<std::string, std::string>> TomlReader::string_map(std::string_view key) {
  std::map<std::string, std::string> map;
  const toml::node* node = take(key);
  if (node == nullptr) return map;
  const toml::table* table = node->as_table();
  if (table == nullptr) return wrong_type(key, *node, "a table of strings");
  for (const auto& [name, value] : *table) {
    const auto* text = value.as_string();
    if (text == nullptr)
      return Error{fmt::format("{}{} must be a string, got {}", toml_location(file_, value),
                               join_key(key_name(key), name.str()), toml_type_name(value))};
    log_->read.insert(&value);
    map.emplace(std::string(name.str()), text->get());
  }
  return map;
}

namespace {

/// Collects the unread keys of `table` and, recursively, of the tables under read keys.
void collect_unread(const toml::table& table, const std::string& prefix,
                    const std::unordered_set<const toml::node*>& read,
                    std::vector<UnreadKey>& unread) {
  for (const auto& [key, node] : table) {
    const std::string name = join_key(prefix, key.str());
    if (!read.contains(&node)) {
      const toml::source_position at = node.source().begin;
      unread.push_back(UnreadKey{at.line, at.column, name, &table});
    } else if (const toml::table* sub = node.as_table()) {
      collect_unread(*sub, name, read, unread);
    } else if (const toml::array* array = node.as_array()) {
      for (std::size_t i = 0; i < array->size(); ++i) {
        if (const toml::table* element = array->get(i)->as_table())
          collect_unread(*element, fmt::format("{}[{}]", name, i), read, unread);
      }
    }
  }
}

std::string describe_allowed(const std::set<std::string>* allowed) {
  if (allowed == nullptr || allowed->empty()) return "no keys are allowed here";
  std::string names;
  for (const std::string& name : *allowed) names += (names.empty() ? "" : ", ") + spell_key(name);
  return "allowed here: " + names;
}

}  // namespace

Status TomlReader::finish() const {
  std::vector<UnreadKey> unread;
  collect_unread(*table_, prefix_, log_->read, unread);
  if (unread.empty()) return ok_status();
  // Lines of 0 (unknown) sort last: the user should see a located key first.
  std::stable_sort(unread.begin(), unread.end(), [](const UnreadKey& a, const UnreadKey& b) {
    return std::make_tuple(a.line == 0, a.line, a.column) <
           std::make_tuple(b.line == 0, b.line, b.column);
  });
  const UnreadKey& first = unread.front();
  const auto asked = log_->asked.find(first.table);
  std::string message =
      fmt::format("unknown key {} ({})", first.name,
                  describe_allowed(asked == log_->asked.end() ? nullptr : &asked->second));
  if (unread.size() > 1) {
    std::string others;
    for (std::size_t i = 1; i < unread.size(); ++i) others += (i == 1 ? "" : ", ") + unread[i].name;
    message += fmt::format("; {} more unknown: {}", unread.size() - 1, others);
  }
  const std::string location = first.line == 0 ? fmt::format("{}: ", file_.string())
                                               : fmt::format("{}:{}: ", file_.string(), first.line);
  return Error{location + message};
}

}  // namespace landed
