// Prices of models, in dollars per million tokens, and how a model name finds its price.
// The shipped table (scoring/prices.toml) is embedded in the binary; a user file (TOML in
// the same layout, or a LiteLLM JSON price file) merges over it.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "harness/base/error.h"

namespace landed {

/// Dollars per million tokens of each kind; input is uncached input.
struct Price {
  double input = 0;
  double cache_read = 0;
  double cache_write = 0;
  double output = 0;
  bool operator==(const Price&) const = default;
};

/// A model -> price table with aliases. Lookup order (documented in scoring/prices.toml):
/// 1. the exact name; 2. an alias; 3. the name without its provider prefix (everything up to
/// the last '/', e.g. "anthropic/claude-sonnet-4-5"); 4. that name without a date suffix
/// ("-20250929" or "-2025-09-29"), exact then alias.
class PriceTable {
 public:
  void set(const std::string& model, const Price& price);
  /// `alias` resolves to `model`'s price; `model` need not be in the table yet.
  void add_alias(const std::string& alias, const std::string& model);
  /// Entries and aliases of `over` replace those of this table with the same name.
  void merge(const PriceTable& over);

  /// The table name the model resolved to, or null when unpriced.
  std::optional<std::string> resolve(std::string_view model) const;
  const Price* find(std::string_view model) const;

  std::size_t size() const { return prices_.size(); }
  const std::map<std::string, Price, std::less<>>& prices() const { return prices_; }
  const std::map<std::string, std::string, std::less<>>& aliases() const { return aliases_; }

  /// Where the prices came from, e.g. "built-in (as of 2025-11-20) + my-prices.toml".
  std::string source;
  /// The `as_of` date of the base table (the built-in one once merged); empty when unsaid.
  std::string as_of;
  /// The user's price file merged over the base (price_table_with_override), or empty.
  std::string override_file;

 private:
  std::optional<std::string> resolve_exact(std::string_view name) const;
  std::map<std::string, Price, std::less<>> prices_;
  std::map<std::string, std::string, std::less<>> aliases_;
};

/// Parses a TOML price table; `origin` (a path) prefixes every error with "origin:line".
Result<PriceTable> parse_price_toml(std::string_view text, std::string_view origin);

/// Loads a price file: `.json` is read as LiteLLM's format, anything else as TOML.
Result<PriceTable> load_price_file(const std::filesystem::path& path);

/// The shipped table (scoring/prices.toml, embedded at build time), parsed once.
const Result<PriceTable>& builtin_prices();

/// The shipped TOML text itself.
std::string_view default_prices_toml();

/// The default table with `override_file` merged over it, when one is given.
Result<PriceTable> price_table_with_override(const std::optional<std::filesystem::path>& file);

}  // namespace landed
