// The formats of `landed routes`: the manager's paragraph with hand-computed shares, the table,
// Markdown, JSON structure, and an SVG that is a standalone document with escaped labels.
#include "results/report/routes_report.h"

#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

namespace landed {
namespace {

Record single(const std::string& contender, const std::string& task, bool pass, double cost,
              int check_exit, std::string agent_status = "done") {
  Record r;
  r.campaign_id = "c";
  r.task_id = task;
  r.contender.id = contender;
  r.contender.runner = "sim";
  r.outcome = agent_status == "done" ? (pass ? Outcome::kPass : Outcome::kFail)
                                     : Outcome::kAgentError;
  r.agent.status = agent_status;
  r.cost_usd = cost;
  r.wall_time_s = 1;
  if (agent_status == "done") r.check = ProcessInfo{check_exit, std::nullopt, false, {}, {}, ""};
  return r;
}

// The hand-made matrix of tests/scoring/routing_test.cc: A cheap, B dear.
RoutingAnalysis analysis(const std::string& cheap = "A") {
  RoutingBuilder b;
  b.add(single(cheap, "t1", true, 1, 0));
  b.add(single(cheap, "t2", false, 1, 1));
  b.add(single(cheap, "t3", false, 1, 0));
  b.add(single(cheap, "t4", false, 0.5, 0, "gave_up"));
  for (const char* t : {"t1", "t2", "t3"}) b.add(single("B", t, true, 10, 0));
  b.add(single("B", "t4", false, 10, 1));
  auto a = b.finish(RoutingOptions{});
  EXPECT_TRUE(a.ok());
  return *a;
}

TEST(RoutesReportTest, SummaryStatesWhatEachCheaperRouteKeepsAndAtWhatCost) {
  const std::string text = routes_summary(analysis());
  EXPECT_NE(text.find("the best pass rate is 75.0%"), std::string::npos) << text;
  EXPECT_NE(text.find("from B, at $10.00 per attempt"), std::string::npos) << text;
  // A > B: 50% / 75% = 67% of the pass rate at $5.875 / $10 = 59% of the cost.
  EXPECT_NE(text.find("A > B keeps 67% of that pass rate (50.0%) at 59% of its cost"),
            std::string::npos) << text;
  // A: 25% / 75% = 33% at $0.875 / $10 = 9%.
  EXPECT_NE(text.find("A keeps 33% of that pass rate (25.0%) at 9% of its cost"),
            std::string::npos) << text;
  EXPECT_NE(text.find("would pass 75.0% at $5.38 per attempt"), std::string::npos) << text;
  // The dominated cascade B > A is not offered as a cheaper route.
  EXPECT_EQ(text.find("B > A keeps"), std::string::npos);
}

TEST(RoutesReportTest, TableListsEveryPolicyWithFrontierAndBest) {
  std::ostringstream out;
  write_routes_table(RoutesContext{}, analysis(), out);
  const std::string text = out.str();
  for (const char* needle : {"A > B", "B > A", "oracle", "best", "$/solved", "67%", "59%"})
    EXPECT_NE(text.find(needle), std::string::npos) << needle << "\n" << text;
}

TEST(RoutesReportTest, MarkdownKeepsTheCascadeArrowAsTheReportDoes) {
  std::ostringstream out;
  write_routes_markdown(RoutesContext{}, analysis(), out);
  // One Markdown cell escaper (report, routes, compare): `>` alone cannot open a tag.
  EXPECT_NE(out.str().find("| A > B | cascade |"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("| :--- | :--- | ---: |"), std::string::npos);
}

TEST(RoutesReportTest, JsonHasEveryPolicyTheFrontierInCostOrderAndTheBest) {
  std::ostringstream out;
  write_routes_json(RoutesContext{}, analysis(), out);
  auto doc = nlohmann::json::parse(out.str());
  EXPECT_EQ(doc["schema"], "landed.routes/1");
  EXPECT_EQ(doc["best"], "B");
  EXPECT_EQ(doc["frontier"], nlohmann::json({"A", "A > B", "B"}));
  ASSERT_EQ(doc["policies"].size(), 5u);
  const auto& ab = doc["policies"][2];
  EXPECT_EQ(ab["id"], "A > B");
  EXPECT_EQ(ab["kind"], "cascade");
  EXPECT_DOUBLE_EQ(ab["cost_per_attempt_usd"].get<double>(), 5.875);
  EXPECT_DOUBLE_EQ(ab["escalation_rate"].get<double>(), 0.5);
  EXPECT_EQ(doc["policies"][4]["kind"], "oracle");
  EXPECT_TRUE(doc["policies"][4]["escalation_rate"].is_null());
  EXPECT_EQ(doc["live_routes"].size(), 0u);
}

TEST(RoutesReportTest, SvgIsOneStandaloneDocumentWithEscapedLabels) {
  const std::string svg = routes_svg(analysis("<cheap & \"quick\">"));
  EXPECT_EQ(svg.rfind("<?xml version=\"1.0\"", 0), 0u);
  EXPECT_NE(svg.find("<svg xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  EXPECT_NE(svg.find("&lt;cheap &amp; &quot;quick&quot;&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<cheap"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_NE(svg.find("class=\"frontier\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"oracle\""), std::string::npos);
  EXPECT_NE(svg.find("(log scale)"), std::string::npos);
  // Every opened group is closed.
  std::size_t open = 0, close = 0;
  for (auto at = svg.find("<g "); at != std::string::npos; at = svg.find("<g ", at + 1)) ++open;
  for (auto at = svg.find("</g>"); at != std::string::npos; at = svg.find("</g>", at + 1)) ++close;
  EXPECT_EQ(open, close);
  EXPECT_EQ(open, 5u);  // four cascades and singles, and the oracle
}

TEST(RoutesReportTest, UnknownFormatIsAnError) {
  std::ostringstream out;
  EXPECT_FALSE(write_routes("csv", RoutesContext{}, analysis(), out).ok());
  EXPECT_TRUE(write_routes("md", RoutesContext{}, analysis(), out).ok());
}

}  // namespace
}  // namespace landed

namespace landed {
namespace {

TEST(RoutesReportTest, SummaryNamesTheShortestOfTiedFrontierPointsAndCountsTheRest) {
  // B never shows a trigger, so B > A has exactly B's figures: one mention, one tie counted.
  RoutingBuilder b;
  b.add(single("A", "t1", true, 10, 0));
  b.add(single("A", "t2", true, 10, 0));
  b.add(single("B", "t1", true, 1, 0));
  b.add(single("B", "t2", false, 1, 0));
  auto a = b.finish(RoutingOptions{});
  ASSERT_TRUE(a.ok());
  const std::string text = routes_summary(*a);
  EXPECT_NE(text.find(" B keeps 50% of that pass rate (50.0%) at 10% of its cost"),
            std::string::npos) << text;
  EXPECT_NE(text.find("(1 more cascade has the same figures here.)"), std::string::npos) << text;
  EXPECT_EQ(text.find("B > A keeps"), std::string::npos) << text;
}

}  // namespace
}  // namespace landed
