#include "scoring/aggregate.h"

#include <gtest/gtest.h>

#include "scoring/ranking.h"
#include "tests/scoring/scoreboard_test_util.h"

namespace landed {
namespace {

using testing::make_record;

const PriceTable& prices() { return builtin_prices().value(); }

TEST(Aggregate, InfraErrorsAreExcludedFromPassRateAndCountedApart) {
  ScoreboardBuilder builder(prices(), Pricing::kStored);
  builder.add(make_record("a", "t1", 0, Outcome::kPass, 0.10));
  builder.add(make_record("a", "t2", 0, Outcome::kFail, 0.30));
  builder.add(make_record("a", "t3", 0, Outcome::kInfraError));
  Scoreboard board = builder.finish();
  ASSERT_EQ(board.contenders.size(), 1u);
  const ContenderSummary& s = board.contenders[0];
  EXPECT_EQ(s.attempts, 3);
  EXPECT_EQ(s.scored, 2);
  EXPECT_DOUBLE_EQ(*s.pass_rate, 0.5);
  EXPECT_EQ(board.infra_errors, 1);
  EXPECT_EQ(s.outcomes[static_cast<std::size_t>(Outcome::kInfraError)], 1);
  EXPECT_TRUE(s.cost.complete);
  EXPECT_DOUBLE_EQ(*s.cost.mean_per_attempt, 0.2);
  EXPECT_DOUBLE_EQ(*s.cost.per_solved, 0.4);  // all dollars spent / tasks solved
}

TEST(Aggregate, UnpricedAttemptsMakeDollarsPerSolvedALowerBound) {
  ScoreboardBuilder builder(prices(), Pricing::kStored);
  builder.add(make_record("a", "t1", 0, Outcome::kPass, 0.10));
  Record unpriced = make_record("a", "t2", 0, Outcome::kPass);
  unpriced.price_status = "unpriced";
  unpriced.unpriced_models = {"acme-1"};
  builder.add(unpriced);
  const ContenderSummary s = builder.finish().contenders[0];
  EXPECT_FALSE(s.cost.complete);
  EXPECT_EQ(s.cost.unpriced, 1);
  EXPECT_EQ(s.cost.unpriced_models, std::vector<std::string>{"acme-1"});
  EXPECT_DOUBLE_EQ(*s.cost.per_solved, 0.05);
}

TEST(Aggregate, RepricingUsesTokensAndThePriceTable) {
  ScoreboardBuilder builder(prices(), Pricing::kReprice);
  Record r = make_record("a", "t1", 0, Outcome::kPass, 99.0);
  r.usage.add_step("sim-budget", TokenUsage{1'000'000, 0, 0, 1'000'000, {}});
  builder.add(r);
  EXPECT_DOUBLE_EQ(*builder.finish().contenders[0].cost.mean_per_attempt, 2.25);
}

TEST(Aggregate, PassAtKUsesTheFewestRepeatsOnAnyTask) {
  ScoreboardBuilder builder(prices(), Pricing::kStored);
  for (int r = 0; r < 3; ++r) builder.add(make_record("a", "t1", r, r == 0 ? Outcome::kPass : Outcome::kFail));
  for (int r = 0; r < 2; ++r) builder.add(make_record("a", "t2", r, Outcome::kFail));
  const ContenderSummary s = builder.finish().contenders[0];
  EXPECT_EQ(s.k, 2);
  EXPECT_NEAR(*s.pass_at_1, (1.0 / 3 + 0) / 2, 1e-12);
  EXPECT_NEAR(*s.pass_at_k, (2.0 / 3 + 0) / 2, 1e-12);  // t1: 1 - C(2,2)/C(3,2)
}

TEST(Aggregate, MatrixCellsFollowSortedTasks) {
  ScoreboardBuilder builder(prices(), Pricing::kStored);
  builder.add(make_record("a", "zeta", 0, Outcome::kPass, 1.0));
  builder.add(make_record("b", "alpha", 0, Outcome::kFail, 2.0));
  Scoreboard board = builder.finish();
  ASSERT_EQ(board.tasks, (std::vector<std::string>{"alpha", "zeta"}));
  EXPECT_TRUE(board.cell(0, 0).empty());
  EXPECT_EQ(board.cell(0, 1).attempts, 1);
  EXPECT_EQ(board.cell(1, 0).passes, 1);
  EXPECT_DOUBLE_EQ(board.cell(1, 0).cost_usd, 1.0);
}

TEST(Ranking, RanksByPassRateThenCostAndMarksOverlappingRowsNotSeparable) {
  ScoreboardBuilder builder(prices(), Pricing::kStored);
  for (int t = 0; t < 40; ++t) {
    std::string task = "t" + std::to_string(t);
    builder.add(make_record("strong", task, 0, t < 36 ? Outcome::kPass : Outcome::kFail, 2.0));
    builder.add(make_record("close", task, 0, t < 34 ? Outcome::kPass : Outcome::kFail, 1.0));
    builder.add(make_record("cheap-twin", task, 0, t < 34 ? Outcome::kPass : Outcome::kFail, 0.5));
    builder.add(make_record("weak", task, 0, t < 8 ? Outcome::kPass : Outcome::kFail, 0.1));
  }
  Scoreboard board = builder.finish();
  rank_contenders(board);
  ASSERT_EQ(board.contenders.size(), 4u);
  EXPECT_EQ(board.contenders[0].contender.id, "strong");
  EXPECT_EQ(board.contenders[1].contender.id, "cheap-twin");  // same rate, cheaper
  EXPECT_EQ(board.contenders[2].contender.id, "close");
  EXPECT_EQ(board.contenders[3].contender.id, "weak");
  EXPECT_FALSE(board.contenders[1].separable_from_leader);
  EXPECT_TRUE(board.contenders[3].separable_from_leader);
  EXPECT_EQ(board.cell(0, 3).passes, 1);  // the matrix follows the new order
}

TEST(Aggregate, ARowPoolingTwoDefinitionsUnderOneNameSaysDefinitionChanged) {
  auto with_fingerprint = [](const std::string& task, const std::string& fingerprint) {
    Record r = make_record("frontier", task, 0, Outcome::kPass, 0.1);
    r.contender.fingerprint = fingerprint;
    return r;
  };
  ScoreboardBuilder same(prices(), Pricing::kStored);
  same.add(with_fingerprint("t1", "aaa"));
  same.add(with_fingerprint("t2", "aaa"));
  same.add(with_fingerprint("t3", ""));  // an old record without one changes nothing
  EXPECT_FALSE(same.finish().contenders[0].definition_changed);

  ScoreboardBuilder changed(prices(), Pricing::kStored);
  changed.add(with_fingerprint("t1", "aaa"));
  changed.add(with_fingerprint("t2", "bbb"));
  const Scoreboard board = changed.finish();
  ASSERT_EQ(board.contenders.size(), 1u);  // one row: the name is its identity
  EXPECT_TRUE(board.contenders[0].definition_changed);

  // Built in shards and merged, the same.
  ScoreboardBuilder a(prices(), Pricing::kStored), b(prices(), Pricing::kStored);
  a.add(with_fingerprint("t1", "aaa"));
  b.add(with_fingerprint("t2", "bbb"));
  a.merge(b);
  EXPECT_TRUE(a.finish().contenders[0].definition_changed);
}

Record metered_record(const std::string& task, std::vector<std::string> mismatch,
                      std::vector<MeteredModel> models) {
  Record r = make_record("claude", task, 0, Outcome::kPass, 0.01);
  r.contender.model = "claude-opus-4-5";
  r.usage.tokens = TokenUsage{100, 0, 0, 10, {}};
  r.usage_source = "both";
  r.tool_usage = r.usage;
  r.tool_usage->tokens.output_tokens = mismatch.empty() ? 10 : 5;
  r.usage_mismatch = std::move(mismatch);
  MeteredUsage m;
  m.tokens = TokenUsage{100, 0, 0, 10, {}};
  m.calls = 2;
  m.cost_usd = 0.01;
  m.by_model = std::move(models);
  r.metered = m;
  return r;
}

MeteredModel metered_model(const std::string& name, std::int64_t calls, std::int64_t tokens) {
  MeteredModel m;
  m.model = name;
  m.calls = calls;
  m.tokens = TokenUsage{tokens, 0, 0, 0, {}};
  return m;
}

TEST(Aggregate, MeteredAttemptsAreReconciledAndOtherModelsShownApart) {
  ScoreboardBuilder builder(prices(), Pricing::kStored);
  builder.add(metered_record("t1", {}, {metered_model("claude-opus-4-5-20251101", 2, 110)}));
  builder.add(metered_record("t2", {"output"}, {metered_model("claude-opus-4-5", 1, 60),
                                                metered_model("claude-haiku-4-5", 1, 50)}));
  builder.add(make_record("claude", "t3", 0, Outcome::kPass, 0.01));  // not metered
  const MeterFigures m = builder.finish().contenders[0].meter;
  EXPECT_EQ(m.metered, 2);
  EXPECT_EQ(m.mismatched, 1);
  EXPECT_EQ(m.mismatch_kinds, std::vector<std::string>{"output"});
  EXPECT_EQ(m.compared, 2);
  EXPECT_DOUBLE_EQ(m.tool_tokens, 110 + 105);
  EXPECT_DOUBLE_EQ(m.metered_tokens, 220);
  EXPECT_DOUBLE_EQ(m.metered_cost_usd, 0.02);
  ASSERT_EQ(m.other_models.size(), 1u);  // the dated name is the contender's own model
  EXPECT_EQ(m.other_models.at("claude-haiku-4-5").calls, 1);
  EXPECT_DOUBLE_EQ(m.other_models.at("claude-haiku-4-5").tokens, 50);
}

TEST(Aggregate, AContendersModelMatchesItsDatedAndUnprefixedNames) {
  EXPECT_TRUE(is_contender_model("claude-opus-4-5", "claude-opus-4-5"));
  EXPECT_TRUE(is_contender_model("claude-opus-4-5", "claude-opus-4-5-20251101"));
  EXPECT_TRUE(is_contender_model("anthropic/claude-opus-4-5", "claude-opus-4-5"));
  EXPECT_FALSE(is_contender_model("claude-opus-4-5", "claude-haiku-4-5"));
  EXPECT_TRUE(is_contender_model(std::nullopt, "anything"));
}

}  // namespace
}  // namespace landed
