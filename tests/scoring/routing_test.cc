// Routing arithmetic on small hand-made outcome matrices, every answer computed by hand.
#include "scoring/routing.h"

#include <gtest/gtest.h>

#include "scoring/routing_analysis.h"

namespace landed {
namespace {

using T = EscalationTrigger;

RoutedAttempt attempt(bool passed, double cost, std::optional<T> trigger = std::nullopt) {
  RoutedAttempt a;
  a.passed = passed;
  a.cost_usd = cost;
  a.trigger = trigger;
  a.wall_time_s = 1.0;
  return a;
}

// A is cheap, B is dear. Per task (one repeat each):
//   t1: A passes, check ok          B passes
//   t2: A fails, check fails        B passes
//   t3: A fails, check ok (a miss)  B passes
//   t4: A gives up ($0.5)           B fails, check fails
OutcomeMatrix two_contenders() {
  OutcomeMatrix m;
  m.add("A", "t1", "r0", attempt(true, 1));
  m.add("A", "t2", "r0", attempt(false, 1, T::kCheckFailed));
  m.add("A", "t3", "r0", attempt(false, 1));
  m.add("A", "t4", "r0", attempt(false, 0.5, T::kGaveUp));
  for (const char* task : {"t1", "t2", "t3"}) m.add("B", task, "r0", attempt(true, 10));
  m.add("B", "t4", "r0", attempt(false, 10, T::kCheckFailed));
  return m;
}

constexpr std::size_t kA = 0, kB = 1;

TEST(RoutingTest, AlwaysCheapIsTheSingleContenderFigures) {
  PolicyResult a = evaluate_cascade(two_contenders(), {kA}, EscalationRule{});
  EXPECT_EQ(a.id, "A");
  EXPECT_EQ(a.kind, PolicyKind::kSingle);
  EXPECT_EQ(a.cells, 4);
  EXPECT_EQ(a.passes, 1);
  EXPECT_DOUBLE_EQ(*a.pass_rate, 0.25);
  EXPECT_DOUBLE_EQ(*a.cost_per_attempt, 0.875);
  EXPECT_DOUBLE_EQ(*a.cost_per_solved, 3.5);
  EXPECT_EQ(a.pass_interval, wilson_interval(1, 4));
}

TEST(RoutingTest, CheapThenDearEscalatesOnVisibleFailuresOnly) {
  PolicyResult ab = evaluate_cascade(two_contenders(), {kA, kB}, EscalationRule{});
  EXPECT_EQ(ab.id, "A > B");
  EXPECT_EQ(ab.kind, PolicyKind::kCascade);
  // t1 A pass ($1); t2 A->B pass ($11); t3 A accepted, fails ($1); t4 A->B fail ($10.5).
  EXPECT_EQ(ab.passes, 2);
  EXPECT_DOUBLE_EQ(ab.total_usd, 23.5);
  EXPECT_DOUBLE_EQ(*ab.cost_per_attempt, 5.875);
  EXPECT_DOUBLE_EQ(*ab.cost_per_solved, 11.75);
  EXPECT_DOUBLE_EQ(*ab.escalation_rate, 0.5);
  EXPECT_DOUBLE_EQ(*ab.steps_per_attempt, 1.5);
  EXPECT_DOUBLE_EQ(*ab.wall_time_per_attempt, 1.5);
}

TEST(RoutingTest, DearThenCheapEndsOnTheLastStepWhateverItShows) {
  PolicyResult ba = evaluate_cascade(two_contenders(), {kB, kA}, EscalationRule{});
  // t1-t3 B passes ($10 each); t4 B's check fails -> A gives up: the route ends there.
  EXPECT_EQ(ba.passes, 3);
  EXPECT_DOUBLE_EQ(*ba.cost_per_attempt, 40.5 / 4);
}

TEST(RoutingTest, TheRuleChoosesWhichTriggersEscalate) {
  auto rule = parse_escalation_rule({"check_failed"});
  ASSERT_TRUE(rule.ok());
  PolicyResult ab = evaluate_cascade(two_contenders(), {kA, kB}, *rule);
  // t4: A gave up, which this rule accepts: $0.5 and a fail instead of $10.5.
  EXPECT_EQ(ab.passes, 2);
  EXPECT_DOUBLE_EQ(ab.total_usd, 13.5);
  EXPECT_DOUBLE_EQ(*ab.escalation_rate, 0.25);
}

TEST(RoutingTest, OraclePicksTheCheapestPassElseTheCheapestAttempt) {
  PolicyResult oracle = evaluate_oracle(two_contenders());
  // t1 A $1 pass; t2 B $10 pass; t3 B $10 pass; t4 nobody passes: A's $0.5.
  EXPECT_EQ(oracle.passes, 3);
  EXPECT_DOUBLE_EQ(oracle.total_usd, 21.5);
  EXPECT_DOUBLE_EQ(*oracle.cost_per_attempt, 5.375);
  EXPECT_EQ(oracle.kind, PolicyKind::kOracle);
}

TEST(RoutingTest, OracleCostIsUnknownWhenAnyCostInTheCellIs) {
  OutcomeMatrix m;
  m.add("A", "t1", "r0", attempt(true, 1));
  RoutedAttempt unpriced = attempt(true, 0);
  unpriced.cost_usd.reset();
  m.add("B", "t1", "r0", unpriced);
  PolicyResult oracle = evaluate_oracle(m);
  EXPECT_EQ(oracle.passes, 1);
  EXPECT_EQ(oracle.unpriced, 1);
  EXPECT_FALSE(oracle.cost_per_attempt.has_value());
}

TEST(RoutingTest, MissingOrInfraAttemptsExcludeOnlyTheCellsThatNeedThem) {
  OutcomeMatrix m;
  RoutedAttempt infra;
  infra.infra = true;
  m.add("A", "t1", "r0", infra);
  m.add("B", "t1", "r0", attempt(true, 10));
  m.add("A", "t2", "r0", attempt(true, 1));
  m.add("B", "t2", "r0", attempt(true, 10));
  m.add("B", "t3", "r0", attempt(true, 10));  // A never ran t3
  PolicyResult a = evaluate_cascade(m, {0}, EscalationRule{});
  EXPECT_EQ(a.cells, 1);
  EXPECT_EQ(a.excluded, 2);
  // B > A never needs A: B passes everywhere.
  PolicyResult ba = evaluate_cascade(m, {1, 0}, EscalationRule{});
  EXPECT_EQ(ba.cells, 3);
  EXPECT_EQ(ba.excluded, 0);
}

TEST(RoutingTest, RepeatsPairByTaskAndRepeatIndex) {
  OutcomeMatrix m;
  m.add("A", "t1", "c1/r1", attempt(false, 1, T::kCheckFailed));
  m.add("A", "t1", "c1/r0", attempt(true, 1));
  m.add("B", "t1", "c1/r0", attempt(false, 10));
  m.add("B", "t1", "c1/r1", attempt(true, 10));
  auto cells = m.cells();
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_TRUE(cells[0].by_contender[0]->passed);
  EXPECT_FALSE(cells[0].by_contender[1]->passed);
  // r0: A passes ($1). r1: A's check fails -> B passes ($11).
  PolicyResult ab = evaluate_cascade(m, {0, 1}, EscalationRule{});
  EXPECT_EQ(ab.passes, 2);
  EXPECT_DOUBLE_EQ(ab.total_usd, 12);
}

TEST(RoutingTest, AnAttemptAddedAfterReadingTheCellsIsSeen) {
  OutcomeMatrix m;
  m.add("B", "t1", "r0", attempt(true, 10));
  ASSERT_EQ(m.cells().size(), 1u);
  ASSERT_EQ(m.contenders().size(), 1u);
  m.add("A", "t1", "r0", attempt(false, 1));
  m.add("A", "t2", "r0", attempt(true, 1));
  EXPECT_EQ(m.contenders(), (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(m.contender_index("B"), 1u);
  ASSERT_EQ(m.cells().size(), 2u);
  EXPECT_FALSE(m.cells()[0].by_contender[0]->passed);  // A moved B to index 1
  EXPECT_TRUE(m.cells()[0].by_contender[1]->passed);
  EXPECT_EQ(evaluate_cascade(m, {0}, EscalationRule{}).cells, 2);
}

TEST(RoutingTest, EveryCascadeOfUpToThreeIsEnumeratedShortestFirst) {
  auto cascades = all_cascades(3, 3);
  EXPECT_EQ(cascades.size(), 3u + 6u + 6u);
  EXPECT_EQ(cascades.front(), (std::vector<std::size_t>{0}));
  EXPECT_EQ(cascades[3], (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(cascades.back(), (std::vector<std::size_t>{2, 1, 0}));
  EXPECT_EQ(all_cascades(4, 2).size(), 4u + 12u);
  EXPECT_EQ(all_cascades(2, 3).size(), 2u + 2u);
}

PolicyResult point(std::string id, double cost, double pass, PolicyKind kind = PolicyKind::kSingle) {
  PolicyResult p;
  p.id = std::move(id);
  p.kind = kind;
  p.cost_per_attempt = cost;
  p.pass_rate = pass;
  return p;
}

TEST(RoutingTest, FrontierKeepsTiesAndDropsDominatedPoints) {
  std::vector<PolicyResult> points{
      point("cheap", 1, 0.3),       point("mid", 5, 0.6),  point("mid-twin", 5, 0.6),
      point("worse", 5, 0.5),       point("dear", 10, 0.8), point("dear-slower", 10.5, 0.8),
      point("oracle", 0.5, 0.9, PolicyKind::kOracle),
  };
  PolicyResult unpriced = point("unpriced", 0, 0.99);
  unpriced.cost_per_attempt.reset();
  points.push_back(unpriced);
  mark_frontier(points);
  std::vector<std::string> on;
  for (const auto& p : points)
    if (p.on_frontier) on.push_back(p.id);
  EXPECT_EQ(on, (std::vector<std::string>{"cheap", "mid", "mid-twin", "dear"}));
  // The oracle is not a realizable policy and dominates nothing.
  EXPECT_EQ(best_policy(points), 4u);
}

TEST(RoutingTest, FrontierOfTheHandMadeMatrix) {
  auto m = two_contenders();
  std::vector<PolicyResult> policies;
  for (const auto& steps : all_cascades(2, 3))
    policies.push_back(evaluate_cascade(m, steps, EscalationRule{}));
  mark_frontier(policies);
  // A (0.875, .25), B (10, .75), A > B (5.875, .5), B > A (10.125, .75: dominated by B).
  ASSERT_EQ(policies.size(), 4u);
  EXPECT_TRUE(policies[0].on_frontier);
  EXPECT_TRUE(policies[1].on_frontier);
  EXPECT_TRUE(policies[2].on_frontier);
  EXPECT_FALSE(policies[3].on_frontier);
  EXPECT_EQ(policies[*best_policy(policies)].id, "B");
}

TEST(RoutingTest, TwoProportionTestMatchesTheTextbook) {
  EXPECT_DOUBLE_EQ(two_proportion_p(5, 10, 5, 10), 1.0);
  // 30/100 vs 50/100: z = 0.2 / sqrt(0.4 * 0.6 * 0.02) = 2.887, p = 0.00389.
  EXPECT_NEAR(two_proportion_p(30, 100, 50, 100), 0.00389, 1e-4);
  EXPECT_DOUBLE_EQ(two_proportion_p(0, 0, 1, 2), 1.0);
  // Means 1.0 and 1.2 with standard errors 0.1 each: z = 0.2 / 0.1414 = 1.414, p = 0.157.
  EXPECT_NEAR(two_mean_p(1.0, 0.1, 1.2, 0.1), 0.1573, 1e-3);
}

TEST(RoutingTest, CostStandardErrorFromPerCellCosts) {
  OutcomeMatrix m;
  m.add("A", "t1", "r0", attempt(true, 1));
  m.add("A", "t2", "r0", attempt(true, 3));
  PolicyResult a = evaluate_cascade(m, {0}, EscalationRule{});
  // Costs 1 and 3: mean 2, sample sd sqrt(2), se = sqrt(2)/sqrt(2) = 1.
  EXPECT_DOUBLE_EQ(*a.cost_standard_error(), 1.0);
}

}  // namespace
}  // namespace landed

namespace landed {
namespace {

Record single(const std::string& contender, const std::string& task, int repeat, bool pass,
              double cost, std::optional<int> check_exit) {
  Record r;
  r.campaign_id = "c";
  r.task_id = task;
  r.repeat = repeat;
  r.contender.id = contender;
  r.contender.runner = "sim";
  r.outcome = pass ? Outcome::kPass : Outcome::kFail;
  r.agent.status = "done";
  r.cost_usd = cost;
  r.wall_time_s = 1;
  if (check_exit) r.check = ProcessInfo{check_exit, std::nullopt, false, {}, {}, ""};
  return r;
}

Record route_record(const std::string& task, int repeat, bool pass, double cost) {
  Record r;
  r.campaign_id = "c";
  r.task_id = task;
  r.repeat = repeat;
  r.contender.id = "cheap-first";
  r.contender.runner = "route";
  r.outcome = pass ? Outcome::kPass : Outcome::kFail;
  r.cost_usd = cost;
  r.wall_time_s = 2;
  r.check = ProcessInfo{1, std::nullopt, false, {}, {}, ""};  // a route never escalates further
  r.route = RouteInfo{{"A", "B"}, {"check_failed"}, false, {}};
  return r;
}

TEST(RoutingAnalysisTest, EnumeratesNamesAndComparesLiveRoutes) {
  RoutingBuilder builder;
  // A passes t1, fails t2 visibly; B passes both.
  builder.add(single("A", "t1", 0, true, 1, 0));
  builder.add(single("A", "t2", 0, false, 1, 1));
  builder.add(single("B", "t1", 0, true, 10, 0));
  builder.add(single("B", "t2", 0, true, 10, 0));
  builder.add(route_record("t1", 0, true, 1));
  builder.add(route_record("t2", 0, true, 11));
  RoutingOptions options;
  options.named = {{"B", "A"}};
  auto analysis = builder.finish(options);
  ASSERT_TRUE(analysis.ok()) << analysis.error().message;
  EXPECT_EQ(analysis->contenders, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(analysis->cells, 2u);
  ASSERT_EQ(analysis->policies.size(), 5u);  // A, B, A > B, B > A, oracle
  EXPECT_TRUE(analysis->policies[3].named);
  EXPECT_EQ(analysis->policies.back().kind, PolicyKind::kOracle);
  ASSERT_EQ(analysis->live.size(), 1u);
  const LiveRoute& live = analysis->live[0];
  EXPECT_EQ(live.rule, "check_failed");
  ASSERT_TRUE(live.predicted.has_value());
  EXPECT_EQ(live.predicted->id, "A > B");
  EXPECT_EQ(live.predicted->passes, 2);
  EXPECT_DOUBLE_EQ(*live.predicted->cost_per_attempt, 6.0);
  EXPECT_DOUBLE_EQ(*live.live.cost_per_attempt, 6.0);
  EXPECT_EQ(live.live.passes, 2);
  EXPECT_DOUBLE_EQ(*live.pass_p, 1.0);
  EXPECT_TRUE(*live.agrees);
}

TEST(RoutingAnalysisTest, UnknownNamedContenderIsAnError) {
  RoutingBuilder builder;
  builder.add(single("A", "t1", 0, true, 1, 0));
  RoutingOptions options;
  options.named = {{"A", "nope"}};
  auto analysis = builder.finish(options);
  ASSERT_FALSE(analysis.ok());
  EXPECT_NE(analysis.error().message.find("nope"), std::string::npos);
}

}  // namespace
}  // namespace landed
