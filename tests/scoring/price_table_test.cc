#include "scoring/price_table.h"

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "tests/test_support.h"

namespace landed {
namespace {

constexpr const char* kTable = R"(
source = "test"
as_of = "2025-01-01"
[models."claude-sonnet-4-5"]
input = 3.0
cache_read = 0.3
cache_write = 3.75
output = 15
[models."gpt-5"]
input = 1.25
cache_read = 0.125
output = 10.0
[aliases]
"sonnet" = "claude-sonnet-4-5"
)";

TEST(PriceTable, ParsesEveryComponentAndDefaultsCacheWriteToInput) {
  auto table = parse_price_toml(kTable, "t.toml");
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(*table->find("claude-sonnet-4-5"), (Price{3.0, 0.3, 3.75, 15.0}));
  EXPECT_EQ(*table->find("gpt-5"), (Price{1.25, 0.125, 1.25, 10.0}));
  EXPECT_EQ(table->source, "t.toml (as of 2025-01-01)");
}

TEST(PriceTable, FindsByAliasProviderPrefixAndDateSuffix) {
  auto table = parse_price_toml(kTable, "t.toml");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->resolve("sonnet"), "claude-sonnet-4-5");
  EXPECT_EQ(table->resolve("anthropic/claude-sonnet-4-5"), "claude-sonnet-4-5");
  EXPECT_EQ(table->resolve("openrouter/anthropic/claude-sonnet-4-5-20250929"),
            "claude-sonnet-4-5");
  EXPECT_EQ(table->resolve("gpt-5-2025-08-07"), "gpt-5");
  EXPECT_EQ(table->resolve("gpt-5-mini"), std::nullopt);
  EXPECT_EQ(table->find("acme-1"), nullptr);
}

TEST(PriceTable, RejectsAnUnknownKeyNamingFileAndLine) {
  auto table = parse_price_toml("[models.x]\ninput = 1\noutput = 2\nouptut = 3\n", "p.toml");
  ASSERT_FALSE(table.ok());
  EXPECT_NE(table.error().message.find("p.toml:4"), std::string::npos) << table.error().message;
  EXPECT_NE(table.error().message.find("ouptut"), std::string::npos);
}

TEST(PriceTable, RejectsNegativePricesMissingOutputAndDanglingAliases) {
  EXPECT_FALSE(parse_price_toml("[models.x]\ninput = -1\noutput = 2\n", "p").ok());
  EXPECT_FALSE(parse_price_toml("[models.x]\ninput = 1\n", "p").ok());
  EXPECT_FALSE(parse_price_toml("[aliases]\na = \"nowhere\"\n", "p").ok());
  auto broken = parse_price_toml("[models.x\n", "bad.toml");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message.find("bad.toml:1"), std::string::npos);
}

TEST(PriceTable, MergeOverridesDefaultsAndKeepsTheRest) {
  PriceTable base = *parse_price_toml(kTable, "base");
  PriceTable over = *parse_price_toml("[models.\"gpt-5\"]\ninput = 2\noutput = 20\n", "mine");
  base.merge(over);
  EXPECT_EQ(base.find("gpt-5")->output, 20.0);
  EXPECT_EQ(base.find("sonnet")->output, 15.0);
  EXPECT_EQ(base.source, "base (as of 2025-01-01) + mine");
}

TEST(PriceTable, ShippedTableParsesAndPricesTheSimulatedContenders) {
  const PriceTable& table = default_price_table();
  EXPECT_GT(table.size(), 40u);
  EXPECT_EQ(*table.find("sim-frontier"), (Price{3.0, 0.3, 3.75, 15.0}));
  EXPECT_EQ(*table.find("sim-budget"), (Price{0.25, 0.025, 0.3, 2.0}));
  for (const char* model : {"claude-opus-4-5", "claude-haiku-4-5", "gpt-5-codex", "gpt-4.1", "o3",
                            "gemini-2.5-pro", "gemini-2.5-flash", "deepseek-chat",
                            "qwen3-coder-plus", "grok-4", "devstral-medium-latest"})
    EXPECT_NE(table.find(model), nullptr) << model;
}

TEST(PriceTable, EmbeddedTableMatchesScoringPricesToml) {
  auto file = read_file(testing::source_dir() / "scoring" / "prices.toml");
  ASSERT_TRUE(file.ok());
  EXPECT_TRUE(*file == default_prices_toml())
      << "scoring/prices.toml changed: run scoring/embed-prices.sh to regenerate "
         "scoring/default_prices.cc";
}

TEST(PriceTable, RejectsNanAndInfinitePricesNamingFileLineAndValue) {
  for (const char* value : {"nan", "inf", "-inf"}) {
    auto table = parse_price_toml(std::string("[models.x]\ninput = ") + value + "\noutput = 2\n", "p.toml");
    ASSERT_FALSE(table.ok()) << value;
    EXPECT_NE(table.error().message.find("p.toml:2"), std::string::npos) << table.error().message;
    EXPECT_NE(table.error().message.find(value), std::string::npos) << table.error().message;
  }
}

}  // namespace
}  // namespace landed
