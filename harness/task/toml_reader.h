// Strict reading of TOML files: every TOML file landed reads (task.toml, suite.toml, campaign
// configs) goes through here, so a typo'd key or a wrong type is an error that names the file,
// the line and the dotted key, never a silently ignored setting.
#pragma once

#include <toml++/toml.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/base/error.h"

namespace landed {

/// Parses a TOML file. A syntax error reads "<path>:<line>:<col>: <cause>"; an unreadable file
/// reads "open(<path>) failed: <why>".
Result<toml::table> parse_toml_file(const std::filesystem::path& path);

/// Parses TOML text; `source_name` stands for the file in error messages and in `file()`.
Result<toml::table> parse_toml_string(std::string_view text,
                                      const std::filesystem::path& source_name);

/// A strict view of one table: typed getters that record which keys were read, and `finish()`
/// which reports every key that was not read as "unknown key". Errors read
/// "<path>:<line>: <dotted key> ..." (e.g. "tasks/x/task.toml:7: verify.timeout_s must be an
/// integer, got string").
///
/// The table must outlive the reader. Readers returned by `optional_table` and `table_array`
/// share the record of read keys with their parent, so `finish()` on the top-level reader also
/// checks every sub-table that was opened; calling `finish()` on a sub-reader checks just that
/// sub-table (useful to report its unknown keys early). A sub-table that was never opened counts
/// as one unread key. Copies of a reader share the record too.
class TomlReader {
 public:
  TomlReader(const toml::table& table, std::filesystem::path file, std::string key_prefix = "");

  /// Absent -> nullopt. Present -> must be a string (may be empty).
  Result<std::optional<std::string>> optional_string(std::string_view key);
  /// Must be present, a string, and not empty.
  Result<std::string> required_string(std::string_view key);
  /// Absent -> nullopt. Present -> must be an integer (a float is an error) in [min, max].
  Result<std::optional<std::int64_t>> optional_int(std::string_view key, std::int64_t min,
                                                   std::int64_t max);
  /// Absent -> nullopt. Present -> an integer or a float, and finite (no nan/inf).
  Result<std::optional<double>> optional_number(std::string_view key);
  Result<std::optional<bool>> optional_bool(std::string_view key);
  /// An array of strings; absent -> empty.
  Result<std::vector<std::string>> string_list(std::string_view key);
  /// A table (`[key]`, `key = { ... }` or implied by `key.x = ...`); absent -> nullopt.
  Result<std::optional<TomlReader>> optional_table(std::string_view key);
  /// An array of tables (`[[key]]` or `key = [{...}, ...]`); absent -> empty. Element i reads as
  /// "key[i]" in messages (0-based).
  Result<std::vector<TomlReader>> table_array(std::string_view key);
  /// A table whose values are all strings (inline or a sub-table); absent -> empty.
  Result<std::map<std::string, std::string>> string_map(std::string_view key);

  /// True if `key` is present (does not count as reading it).
  bool contains(std::string_view key) const;

  /// All keys that were never read, in this table and every sub-table opened through this reader:
  /// an Error naming the first one (by position in the file) with its line, how many more there
  /// are, and which keys are allowed in that table (the keys the code asked for).
  Status finish() const;

  const std::filesystem::path& file() const { return file_; }
  const toml::table& table() const { return *table_; }
  /// The dotted name of `key` in this table, e.g. "agent.timeout_s" or "contender[1].model".
  std::string key_name(std::string_view key) const;
  /// Error "<file>:<line>: <message>" at `key` if present, else at this table.
  Error error_at(std::string_view key, std::string_view message) const;

 private:
  struct ReadLog;
  TomlReader(const toml::table& table, std::filesystem::path file, std::string key_prefix,
             std::shared_ptr<ReadLog> log);

  /// Marks `key` asked for (and read if present); returns its node or nullptr.
  const toml::node* take(std::string_view key);
  Error wrong_type(std::string_view key, const toml::node& node, std::string_view wanted) const;
  TomlReader child(const toml::table& table, std::string prefix) const;

  const toml::table* table_;
  std::filesystem::path file_;
  std::string prefix_;
  std::shared_ptr<ReadLog> log_;
};

/// "string", "integer", "float", "boolean", "table", "array", "date", "time" or "date-time".
std::string_view toml_type_name(const toml::node& node);

/// "<file>:<line>: " for a node with a known line, else "<file>: ".
std::string toml_location(const std::filesystem::path& file, const toml::node& node);

}  // namespace landed
