#include "scoring/aggregate.h"
#include "scoring/cost.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

PriceTable table() {
  PriceTable t;
  t.set("big", Price{3.0, 0.3, 3.75, 15.0});
  t.set("small", Price{1.0, 0.1, 1.25, 5.0});
  t.set("no-cache", Price{2.0, 2.0, 0.0, 8.0});
  return t;
}

Usage one_model(const std::string& model, TokenUsage tokens) {
  Usage usage;
  usage.add_step(model, tokens);
  return usage;
}

TEST(Cost, PricesEachComponentByItself) {
  PriceTable t = table();
  EXPECT_DOUBLE_EQ(*compute_cost(one_model("big", {1'000'000, 0, 0, 0, {}}), {}, t).cost_usd, 3.0);
  EXPECT_DOUBLE_EQ(*compute_cost(one_model("big", {0, 1'000'000, 0, 0, {}}), {}, t).cost_usd, 0.3);
  EXPECT_DOUBLE_EQ(*compute_cost(one_model("big", {0, 0, 1'000'000, 0, {}}), {}, t).cost_usd, 3.75);
  EXPECT_DOUBLE_EQ(*compute_cost(one_model("big", {0, 0, 0, 1'000'000, {}}), {}, t).cost_usd, 15.0);
}

TEST(Cost, SumsComponentsAndModelsAgainstAHandComputedBill) {
  Usage usage;
  usage.add_step("big", TokenUsage{2000, 50000, 4000, 1500, 300});
  usage.add_step("small", TokenUsage{500, 0, 0, 100, 0});
  // big: 2000*3 + 50000*0.3 + 4000*3.75 + 1500*15 = 6000+15000+15000+22500 = 58500 µ$
  // small: 500*1 + 100*5 = 1000 µ$ -> $0.0595; reasoning is part of output, not extra.
  CostResult cost = compute_cost(usage, "big", table());
  EXPECT_EQ(cost.status, PriceStatus::kPriced);
  EXPECT_NEAR(*cost.cost_usd, 0.0595, 1e-12);
}

TEST(Cost, FallsBackToTheContenderModelWhenUsageHasNoModels) {
  Usage usage;
  usage.tokens = TokenUsage{1'000'000, 0, 0, 0, {}};
  CostResult cost = compute_cost(usage, "small", table());
  EXPECT_EQ(cost.status, PriceStatus::kPriced);
  EXPECT_DOUBLE_EQ(*cost.cost_usd, 1.0);
}

TEST(Cost, UnpricedModelIsNullAndNamedNeverZero) {
  Usage usage;
  usage.add_step("big", TokenUsage{1000, 0, 0, 10, {}});
  usage.add_step("acme-1", TokenUsage{1000, 0, 0, 10, {}});
  CostResult cost = compute_cost(usage, "big", table());
  EXPECT_EQ(cost.status, PriceStatus::kUnpriced);
  EXPECT_FALSE(cost.cost_usd.has_value());
  EXPECT_EQ(cost.unpriced_models, std::vector<std::string>{"acme-1"});
}

TEST(Cost, UsageWithoutAnyModelNameIsUnpricedAsUnknownModel) {
  Usage usage;
  usage.tokens = TokenUsage{10, 0, 0, 10, {}};
  CostResult cost = compute_cost(usage, std::nullopt, table());
  EXPECT_EQ(cost.status, PriceStatus::kUnpriced);
  EXPECT_EQ(cost.unpriced_models, std::vector<std::string>{"(unknown model)"});
}

TEST(Cost, NoTokensAtAllIsNoUsageWithNullCost) {
  CostResult cost = compute_cost(Usage{}, "big", table());
  EXPECT_EQ(cost.status, PriceStatus::kNoUsage);
  EXPECT_FALSE(cost.cost_usd.has_value());
}

TEST(Cost, NullCountOfAPricedKindMakesTheCostUnknown) {
  CostResult cost = compute_cost(one_model("big", {1000, std::nullopt, 0, 10, {}}), {}, table());
  EXPECT_EQ(cost.status, PriceStatus::kIncomplete);
  EXPECT_FALSE(cost.cost_usd.has_value());
}

TEST(Cost, NullCountOfAKindPricedZeroIsHarmless) {
  CostResult cost =
      compute_cost(one_model("no-cache", {1000, 0, std::nullopt, 1000, {}}), {}, table());
  EXPECT_EQ(cost.status, PriceStatus::kPriced);
  EXPECT_DOUBLE_EQ(*cost.cost_usd, 0.01);
}

TEST(Cost, ReportedCostDiffersOnlyBeyondTolerance) {
  EXPECT_FALSE(cost_differs(1.00, 1.015));   // 1.5% < 2%
  EXPECT_TRUE(cost_differs(1.00, 1.05));
  EXPECT_FALSE(cost_differs(0.0001, 0.0009));  // under the $0.001 floor
  EXPECT_FALSE(cost_differs(std::nullopt, 5.0));
  EXPECT_FALSE(cost_differs(1.0, std::nullopt));
}

TEST(Cost, StatusNamesRoundTrip) {
  for (PriceStatus s : {PriceStatus::kPriced, PriceStatus::kUnpriced, PriceStatus::kNoUsage,
                        PriceStatus::kIncomplete})
    EXPECT_EQ(price_status_from_string(to_string(s)), s);
  EXPECT_EQ(price_status_from_string("free"), std::nullopt);
}

TEST(Cost, OneVocabularyPricedUnpricedIncompleteAndOldRecordsStillRead) {
  EXPECT_EQ(to_string(PriceStatus::kIncomplete), "incomplete");
  EXPECT_EQ(price_status_from_string("incomplete_usage"), PriceStatus::kIncomplete);
  CostFigures c;
  c.priced = 3;
  EXPECT_EQ(price_status(c), "priced");
  c.incomplete = 1;
  c.complete = false;
  EXPECT_EQ(price_status(c), "incomplete");
  c.unpriced = 1;
  EXPECT_EQ(price_status(c), "unpriced");
  EXPECT_EQ(price_status(CostFigures{}), "no_usage");
}

}  // namespace
}  // namespace landed
