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
  ASSERT_TRUE(builtin_prices().ok()) << builtin_prices().error().message;
  const PriceTable& table = builtin_prices().value();
  EXPECT_GT(table.size(), 40u);
  EXPECT_EQ(*table.find("sim-frontier"), (Price{3.0, 0.3, 3.75, 15.0}));
  EXPECT_EQ(*table.find("sim-budget"), (Price{0.25, 0.025, 0.3, 2.0}));
  for (const char* model : {"claude-opus-4-5", "claude-haiku-4-5", "gpt-5-codex", "gpt-4.1", "o3",
                            "gemini-2.5-pro", "gemini-2.5-flash", "deepseek-chat",
                            "qwen3-coder-plus", "grok-4", "devstral-medium-latest"})
    EXPECT_NE(table.find(model), nullptr) << model;
}

// A refresh that shifts a column or misreads LiteLLM's per-token figures fails here.
TEST(PriceTable, ShippedTableHoldsTheRefreshedPricesAndItsDate) {
  const PriceTable& table = builtin_prices().value();
  EXPECT_EQ(*table.find("gpt-5.5"), (Price{5.0, 0.5, 5.0, 30.0}));
  EXPECT_EQ(*table.find("openai/gpt-5.5-2026-04-23"), (Price{5.0, 0.5, 5.0, 30.0}));
  EXPECT_EQ(*table.find("claude-opus-4-7"), (Price{5.0, 0.5, 6.25, 25.0}));
  EXPECT_EQ(*table.find("claude-haiku-4-5-20251001"), (Price{1.0, 0.1, 1.25, 5.0}));
  EXPECT_EQ(*table.find("gemini/gemini-3.1-pro-preview"), (Price{2.0, 0.2, 2.0, 12.0}));
  EXPECT_EQ(*table.find("deepseek-v4-pro"), (Price{0.435, 0.003625, 0.435, 0.87}));
  EXPECT_EQ(*table.find("qwen3-coder-plus"), (Price{1.0, 0.1, 1.0, 5.0}));  // the first tier
  for (const char* model : {"gpt-5.6", "gpt-5.4-mini", "gpt-5.3-codex", "claude-opus-5",
                            "claude-sonnet-4-6", "gemini-3.5-flash", "grok-4.5", "kimi-k2.6",
                            "glm-5.1", "devstral-latest"})
    EXPECT_NE(table.find(model), nullptr) << model;
  EXPECT_GE(table.as_of, "2026-12-07");
  EXPECT_EQ(table.as_of.size(), 10u) << table.as_of;  // YYYY-MM-DD
  EXPECT_TRUE(table.override_file.empty());
}

TEST(PriceTable, AnOverrideKeepsTheBuiltInDateAndNamesTheFile) {
  testing::ScratchDir dir;
  const fs::path mine = dir.path() / "mine.toml";
  ASSERT_TRUE(write_file(mine, "as_of = \"1999-01-01\"\n[models.acme]\ninput = 1\noutput = 2\n").ok());
  auto table = price_table_with_override(mine);
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(table->as_of, builtin_prices().value().as_of);
  EXPECT_EQ(table->override_file, mine.string());
  EXPECT_EQ(table->find("acme")->output, 2.0);
  EXPECT_EQ(price_table_with_override(std::nullopt)->override_file, "");
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
