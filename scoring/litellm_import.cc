#include "scoring/litellm_import.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace landed {
namespace {

using nlohmann::json;

/// Dollars per token -> dollars per million, rounded to a nano-dollar so 3e-06 reads 3.
std::optional<double> per_million(const json& entry, const char* key) {
  auto it = entry.find(key);
  if (it == entry.end() || !it->is_number()) return std::nullopt;
  const double value = std::round(it->get<double>() * 1e6 * 1e9) / 1e9;
  // An infinite or absurd price is a broken entry, not a price: the model stays unpriced.
  if (!std::isfinite(value) || value < 0 || value > 1e6) return std::nullopt;
  return value;
}

std::optional<Price> read_entry(const json& entry) {
  if (!entry.is_object()) return std::nullopt;
  std::optional<double> input = per_million(entry, "input_cost_per_token");
  std::optional<double> output = per_million(entry, "output_cost_per_token");
  if (!input || !output || *input < 0 || *output < 0) return std::nullopt;
  Price price{*input, *input, *input, *output};
  // Missing cache prices: the provider bills those tokens as ordinary input.
  if (auto read = per_million(entry, "cache_read_input_token_cost")) price.cache_read = *read;
  if (auto write = per_million(entry, "cache_creation_input_token_cost"))
    price.cache_write = *write;
  return price;
}

void alias_bare_names(PriceTable& table) {
  std::vector<std::pair<std::string, std::string>> bare;
  for (const auto& [model, price] : table.prices()) {
    std::size_t slash = model.rfind('/');
    if (slash == std::string::npos) continue;
    std::string name = model.substr(slash + 1);
    if (!table.prices().count(name)) bare.emplace_back(name, model);
  }
  // Several providers may list one bare name; the first in name order wins, deterministically.
  for (const auto& [name, model] : bare)
    if (!table.aliases().count(name)) table.add_alias(name, model);
}

}  // namespace

Result<PriceTable> parse_litellm_json(std::string_view text, std::string_view origin) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return make_error("{}: not valid JSON", origin);
  if (!doc.is_object())
    return make_error("{}: a LiteLLM price file is one JSON object keyed by model", origin);
  PriceTable table;
  table.source = std::string(origin);
  for (const auto& [model, entry] : doc.items()) {
    if (model == "sample_spec") continue;
    if (std::optional<Price> price = read_entry(entry)) table.set(model, *price);
  }
  if (table.size() == 0)
    return make_error("{}: no model with input_cost_per_token and output_cost_per_token", origin);
  alias_bare_names(table);
  return table;
}

}  // namespace landed
