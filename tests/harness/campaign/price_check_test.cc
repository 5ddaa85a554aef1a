#include "harness/campaign/price_check.h"

#include <gtest/gtest.h>

#include "harness/campaign/start_checks.h"

namespace landed {
namespace {

Contender contender(std::string id, std::optional<std::string> model,
                    std::string runner = "command") {
  Contender c;
  c.id = std::move(id);
  c.runner = std::move(runner);
  c.model = std::move(model);
  return c;
}

PriceTable table() {
  auto parsed = parse_price_toml("[models.\"gpt-5.5\"]\ninput = 5\ncache_read = 0.5\noutput = 30\n"
                                 "[aliases]\n\"five\" = \"gpt-5.5\"\n", "t.toml");
  EXPECT_TRUE(parsed.ok()) << parsed.error().message;
  return std::move(parsed).value();
}

TEST(PriceCheck, ResolvesEachContenderAndFlagsOnlyModelsWithoutAPrice) {
  CampaignConfig config;
  config.contenders = {contender("codex/gpt-5.5@high", "openai/gpt-5.5-2026-04-23"),
                       contender("x/five", "five"), contender("x/acme-9", "acme-9"),
                       contender("noop", std::nullopt, "noop"), contender("mine", std::nullopt)};
  std::vector<ContenderPrice> rows = check_contender_prices(config, table());
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].contender, "codex/gpt-5.5@high");
  EXPECT_EQ(rows[0].priced_as, "gpt-5.5");
  EXPECT_EQ(rows[0].price, (Price{5.0, 0.5, 5.0, 30.0}));
  EXPECT_EQ(rows[1].priced_as, "gpt-5.5");
  EXPECT_FALSE(rows[0].unpriced() || rows[1].unpriced());
  EXPECT_TRUE(rows[2].unpriced());
  EXPECT_EQ(rows[2].priced_as, std::nullopt);
  EXPECT_FALSE(rows[3].unpriced()) << "noop calls no model: nothing to price";
  EXPECT_EQ(rows[3].price, std::nullopt);
  EXPECT_TRUE(rows[4].unpriced()) << "an agent that names no model spends tokens no one can price";
}

// `landed prices check` and the checks before `landed run` starts make one decision.
TEST(PriceCheck, PricesCheckAndTheStartCheckAgreeOnEveryContender) {
  for (const Contender& c : {contender("a", "openai/gpt-5.5-2026-04-23"), contender("b", "five"),
                             contender("c", "acme-9"), contender("d", std::nullopt),
                             contender("e", std::nullopt, "oracle"), contender("f", "acme-9", "noop")})
    EXPECT_EQ(price_contender(c, table()).unpriced(), unpriced_reason(c, table()).has_value()) << c.id;
}

TEST(PriceCheck, TheCommandLinePriceFileReplacesTheConfigsAsInRun) {
  CampaignConfig config;
  EXPECT_EQ(campaign_price_file(config, std::nullopt), std::nullopt);
  config.prices = "/cfg/prices.toml";
  EXPECT_EQ(campaign_price_file(config, std::nullopt), std::filesystem::path("/cfg/prices.toml"));
  EXPECT_EQ(campaign_price_file(config, std::filesystem::path("mine.json")),
            std::filesystem::path("mine.json"));
}

}  // namespace
}  // namespace landed
