#include "scoring/price_table.h"

#include <cctype>
#include <cmath>

#include <toml++/toml.h>

#include "harness/base/files.h"
#include "scoring/litellm_import.h"

namespace landed {
namespace {

bool all_digits(std::string_view text) {
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return !text.empty();
}

/// "claude-sonnet-4-5-20250929" -> "claude-sonnet-4-5"; "o3-2025-04-16" -> "o3".
std::optional<std::string_view> strip_date_suffix(std::string_view name) {
  if (name.size() > 9 && name[name.size() - 9] == '-' && all_digits(name.substr(name.size() - 8)))
    return name.substr(0, name.size() - 9);
  if (name.size() > 11) {
    std::string_view tail = name.substr(name.size() - 11);
    if (tail[0] == '-' && all_digits(tail.substr(1, 4)) && tail[5] == '-' &&
        all_digits(tail.substr(6, 2)) && tail[8] == '-' && all_digits(tail.substr(9, 2)))
      return name.substr(0, name.size() - 11);
  }
  return std::nullopt;
}

std::string where(std::string_view origin, const toml::source_region& region) {
  return fmt::format("{}:{}", origin, region.begin.line);
}

Result<double> read_price(const toml::node& node, std::string_view origin, std::string_view key) {
  std::optional<double> value = node.value<double>();
  if (!value) return make_error("{}: '{}' must be a number", where(origin, node.source()), key);
  if (!std::isfinite(*value) || *value < 0 || *value > 1e6)
    return make_error("{}: '{}' = {} is not a price in dollars per million tokens",
                      where(origin, node.source()), key, *value);
  return *value;
}

Result<Price> read_model_price(const toml::table& entry, std::string_view origin,
                               std::string_view model) {
  Price price;
  std::optional<double> cache_read, cache_write;
  bool has_input = false, has_output = false;
  for (const auto& [key, node] : entry) {
    LANDED_TRY(double value, read_price(node, origin, key.str()));
    if (key == "input") {
      price.input = value;
      has_input = true;
    } else if (key == "output") {
      price.output = value;
      has_output = true;
    } else if (key == "cache_read") {
      cache_read = value;
    } else if (key == "cache_write") {
      cache_write = value;
    } else {
      return make_error("{}: unknown key '{}' in model '{}' (expected input, cache_read, "
                        "cache_write, output)", where(origin, node.source()), key.str(), model);
    }
  }
  if (!has_input || !has_output)
    return make_error("{}: model '{}' needs both 'input' and 'output' prices",
                      where(origin, entry.source()), model);
  // A provider without a separate cache price bills those tokens as ordinary input.
  price.cache_read = cache_read.value_or(price.input);
  price.cache_write = cache_write.value_or(price.input);
  return price;
}

Status read_models(const toml::table& models, std::string_view origin, PriceTable& table) {
  for (const auto& [name, node] : models) {
    const toml::table* entry = node.as_table();
    if (!entry)
      return make_error("{}: models.\"{}\" must be a table", where(origin, node.source()),
                        name.str());
    LANDED_TRY(Price price, read_model_price(*entry, origin, name.str()));
    table.set(std::string(name.str()), price);
  }
  return ok_status();
}

Status read_aliases(const toml::table& aliases, std::string_view origin, PriceTable& table) {
  for (const auto& [alias, node] : aliases) {
    std::optional<std::string> target = node.value<std::string>();
    if (!target)
      return make_error("{}: alias '{}' must name a model (a string)",
                        where(origin, node.source()), alias.str());
    if (!table.prices().count(*target))
      return make_error("{}: alias '{}' names '{}', which has no price in this file",
                        where(origin, node.source()), alias.str(), *target);
    table.add_alias(std::string(alias.str()), *target);
  }
  return ok_status();
}

Result<PriceTable> read_price_document(const toml::table& doc, std::string_view origin) {
  PriceTable table;
  table.source = std::string(origin);
  for (const auto& [key, node] : doc) {
    if (key == "source" || key == "as_of") continue;
    if (key != "models" && key != "aliases")
      return make_error("{}: unknown key '{}' (expected source, as_of, [models.*], [aliases])",
                        where(origin, node.source()), key.str());
  }
  if (const toml::table* models = doc["models"].as_table())
    LANDED_TRY_STATUS(read_models(*models, origin, table));
  if (const toml::table* aliases = doc["aliases"].as_table())
    LANDED_TRY_STATUS(read_aliases(*aliases, origin, table));
  if (auto as_of = doc["as_of"].value<std::string>()) {
    table.source = fmt::format("{} (as of {})", origin, *as_of);
    table.as_of = *as_of;
  }
  return table;
}

}  // namespace

void PriceTable::set(const std::string& model, const Price& price) { prices_[model] = price; }

void PriceTable::add_alias(const std::string& alias, const std::string& model) {
  aliases_[alias] = model;
}

void PriceTable::merge(const PriceTable& over) {
  for (const auto& [model, price] : over.prices_) {
    prices_[model] = price;
    aliases_.erase(model);  // an explicit price beats an older alias of the same name
  }
  for (const auto& [alias, model] : over.aliases_) aliases_[alias] = model;
  source = source.empty() ? over.source : source + " + " + over.source;
  if (as_of.empty()) as_of = over.as_of;  // the base table's date stands
}

std::optional<std::string> PriceTable::resolve_exact(std::string_view name) const {
  if (auto it = prices_.find(name); it != prices_.end()) return it->first;
  if (auto it = aliases_.find(name); it != aliases_.end() && prices_.count(it->second))
    return it->second;
  return std::nullopt;
}

std::optional<std::string> PriceTable::resolve(std::string_view model) const {
  if (auto found = resolve_exact(model)) return found;
  std::string_view bare = model.substr(model.rfind('/') + 1);  // npos + 1 == 0
  if (auto found = resolve_exact(bare)) return found;
  if (auto undated = strip_date_suffix(bare)) return resolve_exact(*undated);
  return std::nullopt;
}

const Price* PriceTable::find(std::string_view model) const {
  std::optional<std::string> name = resolve(model);
  return name ? &prices_.find(*name)->second : nullptr;
}

Result<PriceTable> parse_price_toml(std::string_view text, std::string_view origin) {
  try {
    toml::table doc = toml::parse(text, origin);
    return read_price_document(doc, origin);
  } catch (const toml::parse_error& e) {
    return make_error("{}:{}: {}", origin, e.source().begin.line, e.description());
  }
}

Result<PriceTable> load_price_file(const std::filesystem::path& path) {
  LANDED_TRY(std::string text, read_file(path));
  if (path.extension() == ".json") return parse_litellm_json(text, path.string());
  return parse_price_toml(text, path.string());
}

const Result<PriceTable>& builtin_prices() {
  // Parsed once; scoring_tests checks the embedded table, so an error here is a build defect
  // that every command reports as its one fatal line.
  static const Result<PriceTable> table = parse_price_toml(default_prices_toml(), "built-in prices.toml");
  return table;
}

Result<PriceTable> price_table_with_override(const std::optional<std::filesystem::path>& file) {
  LANDED_TRY(PriceTable table, builtin_prices());
  if (!file) return table;
  LANDED_TRY(PriceTable over, load_price_file(*file));
  table.merge(over);
  table.override_file = file->string();
  return table;
}

}  // namespace landed
