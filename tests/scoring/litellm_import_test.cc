#include "scoring/litellm_import.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

constexpr const char* kLiteLlm = R"({
  "sample_spec": {"input_cost_per_token": 0.0, "output_cost_per_token": 0.0},
  "claude-sonnet-4-5": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
     "cache_read_input_token_cost": 3e-07, "cache_creation_input_token_cost": 3.75e-06,
     "litellm_provider": "anthropic", "mode": "chat"},
  "xai/grok-4": {"input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05},
  "dall-e-3": {"output_cost_per_image": 0.04},
  "o3": {"input_cost_per_token": 2e-06, "output_cost_per_token": 8e-06,
         "cache_read_input_token_cost": 5e-07}
})";

TEST(LiteLlmImport, ConvertsDollarsPerTokenToDollarsPerMillion) {
  auto table = parse_litellm_json(kLiteLlm, "prices.json");
  ASSERT_TRUE(table.ok()) << table.error().message;
  EXPECT_EQ(*table->find("claude-sonnet-4-5"), (Price{3.0, 0.3, 3.75, 15.0}));
  EXPECT_EQ(*table->find("o3"), (Price{2.0, 0.5, 2.0, 8.0}));
}

TEST(LiteLlmImport, SkipsNonTokenEntriesAndAliasesBareNamesOfPrefixedKeys) {
  auto table = parse_litellm_json(kLiteLlm, "prices.json");
  ASSERT_TRUE(table.ok());
  EXPECT_EQ(table->find("dall-e-3"), nullptr);
  EXPECT_EQ(table->find("sample_spec"), nullptr);
  EXPECT_EQ(table->resolve("grok-4"), "xai/grok-4");
  EXPECT_EQ(table->size(), 3u);
}

TEST(LiteLlmImport, RejectsInvalidJsonAndFilesWithoutTokenPrices) {
  EXPECT_FALSE(parse_litellm_json("{", "p.json").ok());
  auto empty = parse_litellm_json(R"({"x": {"output_cost_per_image": 1}})", "p.json");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.error().message.find("p.json"), std::string::npos);
}

}  // namespace
}  // namespace landed
