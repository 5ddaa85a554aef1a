#include "scoring/cost.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace landed {
namespace {

constexpr std::array<std::pair<PriceStatus, std::string_view>, 4> kNames{{
    {PriceStatus::kPriced, "priced"},
    {PriceStatus::kUnpriced, "unpriced"},
    {PriceStatus::kNoUsage, "no_usage"},
    {PriceStatus::kIncomplete, "incomplete"},
}};

constexpr const char* kUnknownModel = "(unknown model)";

bool has_any_tokens(const TokenUsage& t) {
  return t.input_tokens || t.cache_read_tokens || t.cache_write_tokens || t.output_tokens;
}

/// Adds count x price; a null count only matters when its price is not zero.
bool add_part(double& total, const Count& count, double price_per_million) {
  if (!count) return price_per_million == 0.0;
  total += static_cast<double>(*count) * price_per_million / 1e6;
  return true;
}

void note_unpriced(std::vector<std::string>& models, const std::string& model) {
  if (std::find(models.begin(), models.end(), model) == models.end()) models.push_back(model);
}

}  // namespace

std::string_view to_string(PriceStatus status) {
  for (const auto& [value, name] : kNames)
    if (value == status) return name;
  return "unknown";
}

std::optional<PriceStatus> price_status_from_string(std::string_view text) {
  if (text == "incomplete_usage") return PriceStatus::kIncomplete;  // records before schema 1.x
  for (const auto& [value, name] : kNames)
    if (name == text) return value;
  return std::nullopt;
}

Dollars token_cost(const TokenUsage& t, const Price& price) {
  double total = 0;
  bool known = add_part(total, t.input_tokens, price.input);
  known = add_part(total, t.cache_read_tokens, price.cache_read) && known;
  known = add_part(total, t.cache_write_tokens, price.cache_write) && known;
  known = add_part(total, t.output_tokens, price.output) && known;
  return known ? Dollars(total) : std::nullopt;
}

CostResult compute_cost(const Usage& usage, const std::optional<std::string>& contender_model,
                        const PriceTable& prices) {
  std::vector<ModelUsage> fallback;
  const std::vector<ModelUsage>* models = &usage.by_model;
  if (models->empty()) {
    fallback.push_back(ModelUsage{contender_model.value_or(kUnknownModel), usage.tokens, {}, {}});
    models = &fallback;
  }
  CostResult result;
  double total = 0;
  bool any_usage = false, incomplete = false;
  for (const ModelUsage& m : *models) {
    if (!has_any_tokens(m.tokens)) continue;
    any_usage = true;
    const Price* price = m.model.empty() ? nullptr : prices.find(m.model);
    if (!price) {
      note_unpriced(result.unpriced_models, m.model.empty() ? kUnknownModel : m.model);
      continue;
    }
    Dollars part = token_cost(m.tokens, *price);
    if (part) total += *part;
    else incomplete = true;
  }
  if (!result.unpriced_models.empty()) result.status = PriceStatus::kUnpriced;
  else if (!any_usage) result.status = PriceStatus::kNoUsage;
  else if (incomplete) result.status = PriceStatus::kIncomplete;
  else {
    result.status = PriceStatus::kPriced;
    result.cost_usd = total;
  }
  return result;
}

bool cost_differs(const Dollars& computed, const Dollars& reported,
                  const CostTolerance& tolerance) {
  if (!computed || !reported) return false;
  double larger = std::max(std::fabs(*computed), std::fabs(*reported));
  double allowed = std::max(tolerance.absolute_usd, tolerance.relative * larger);
  return std::fabs(*computed - *reported) > allowed;
}

}  // namespace landed
