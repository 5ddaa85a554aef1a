#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "results/site/assets.h"
#include "results/site/html.h"
#include "results/site/pages.h"
#include "results/site/publish.h"
#include "scoring/ranking.h"
#include "tests/test_support.h"

namespace landed::site {
namespace {

constexpr const char* kPayload = "<script>alert(1)</script><img src=x onerror=alert(2)>";

TEST(SiteHtml, EscapeMakesMarkupInert) {
  EXPECT_EQ(escape(kPayload),
            "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
  EXPECT_EQ(escape("a\"b'c&d"), "a&quot;b&#39;c&amp;d");
}

TEST(SiteHtml, SlugIsAFileNameAndDistinctNamesStayDistinct) {
  EXPECT_EQ(slug("fix-ring_buffer.v2"), "fix-ring_buffer.v2");
  std::string s = slug(kPayload);
  EXPECT_EQ(s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."),
            std::string::npos);
  EXPECT_NE(slug("a/b"), slug("a_b"));
  EXPECT_NE(slug("a b"), slug("a?b"));
  EXPECT_NE(slug(".."), "..");
  EXPECT_LE(slug(std::string(500, 'x')).size(), 70u);
}

TEST(SiteHtml, TailStartsAtALineAndSaysItCut) {
  bool cut = false;
  EXPECT_EQ(tail("one\ntwo\nthree\n", 8, cut), "three\n");
  EXPECT_TRUE(cut);
  EXPECT_EQ(tail("short", 100, cut), "short");
  EXPECT_FALSE(cut);
}

Record record(const std::string& task, const std::string& contender, Outcome outcome,
              std::optional<double> cost) {
  Record r;
  r.campaign_id = "c1";
  r.task_id = task;
  r.attempt_id = task + "/" + contender + "/r0";
  r.contender.id = contender;
  r.contender.runner = "sim";
  r.contender.simulated = true;
  r.outcome = outcome;
  r.cost_usd = cost;
  r.price_status = cost ? "priced" : "unpriced";
  r.wall_time_s = 2;
  return r;
}

Scoreboard board_of(const std::vector<Record>& records) {
  PriceTable prices;
  ScoreboardBuilder builder(prices, Pricing::kStored);
  for (const Record& r : records) builder.add(r);
  Scoreboard board = builder.finish();
  rank_contenders(board);
  return board;
}

TEST(SiteLeaderboard, EscapesContenderNamesAndMarksSimulatedAndUnpriced) {
  Scoreboard board = board_of({record("t", kPayload, Outcome::kPass, std::nullopt),
                               record("t", "cheap", Outcome::kFail, 0.01)});
  LeaderboardPage page{&board, "Board", "", "index.html", {}, "data/report.json"};
  std::string html = leaderboard_html(page);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)"), std::string::npos);
  EXPECT_NE(html.find("badge sim"), std::string::npos);
  EXPECT_NE(html.find("class=\"simulated unpriced\""), std::string::npos);
  EXPECT_NE(html.find("<button type=\"button\" class=\"sort\">$/attempt"), std::string::npos);
}

TEST(SiteTaskPage, PatchIsEscapedAndCapped) {
  testing::ScratchDir dir;
  std::string patch = std::string("+") + kPayload + "\n" + std::string(10000, 'p');
  ASSERT_TRUE(write_file(dir / "patch.diff", patch).ok());
  TaskDetails task{kPayload, "easy", {"x"}, {}};
  AttemptRow attempt;
  attempt.contender_id = "c";
  attempt.outcome = Outcome::kFail;
  attempt.reason = kPayload;
  attempt.patch_file = dir / "patch.diff";
  attempt.verify_log_file = dir / "missing.log";
  task.attempts.push_back(attempt);
  Scoreboard board = board_of({record(kPayload, "c", Outcome::kFail, 0.5)});
  TaskPageLimits limits;
  limits.patch_bytes = 1000;
  std::string html = task_html(task, board, "../data/tasks/x.json", limits);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("+&lt;script&gt;alert(1)"), std::string::npos);
  EXPECT_NE(html.find("1000 of " + std::to_string(patch.size()) + " bytes"), std::string::npos) << html;
  EXPECT_LT(html.size(), 4000u);
  EXPECT_NE(html.find("verify log: not available here"), std::string::npos);
}

TEST(SiteTranscript, StepsAreEscapedCollapsedAndSummed) {
  Transcript t;
  t.format = "claude-code stream-json";
  TranscriptStep call;
  call.kind = TranscriptStep::Kind::kModelCall;
  call.model = "claude-sonnet-4-5";
  call.tokens.input_tokens = 1200;
  call.tokens.output_tokens = 80;
  call.cost_usd = 0.0123;
  TranscriptStep tool;
  tool.kind = TranscriptStep::Kind::kToolCall;
  tool.text = std::string("Bash: echo ") + kPayload;
  TranscriptStep message;
  message.text = kPayload;
  t.steps = {call, tool, message};
  t.omitted = 3;
  std::string html = transcript_html(t);
  EXPECT_EQ(html.rfind("<details class=\"transcript\">", 0), 0u) << html;
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_NE(html.find("1 model call(s) · 1 tool call(s) · $0.012"), std::string::npos) << html;
  EXPECT_NE(html.find("in 1.2k"), std::string::npos);
  EXPECT_NE(html.find("<code>Bash: echo &lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("3 more step(s) not shown"), std::string::npos);
}

TEST(SiteTaskPage, NamesTheCampaignAndShowsTheTranscriptAndRouteSteps) {
  TaskDetails task{"t", "easy", {}, {}};
  AttemptRow single;
  single.contender_id = "c";
  single.campaign_id = "night-7";
  single.runner = "command";
  single.outcome = Outcome::kPass;
  single.agent_log_file = "/campaign/attempts/t/c/r0/agent.stdout";
  AttemptRow routed = single;
  routed.contender_id = "route";
  routed.agent_log_file.clear();
  RouteInfo route;
  RouteStepInfo first;
  first.contender.id = "cheap";
  first.outcome = Outcome::kFail;
  first.agent_status = "done";
  first.escalated_on = "check_failed";
  first.cost_usd = 0.01;
  RouteStepInfo second = first;
  second.contender.id = "dear";
  second.outcome = Outcome::kPass;
  second.escalated_on.reset();
  second.cost_usd = 0.5;
  route.steps = {first, second};
  routed.route = route;
  routed.step_log_files = {"/a/agent.stdout", "/b/agent.stdout"};
  task.attempts = {single, routed};
  std::vector<std::string> asked;
  TranscriptReader read = [&asked](const std::string& runner, const std::optional<std::string>&,
                                   const std::filesystem::path& log) -> std::optional<Transcript> {
    asked.push_back(runner + " " + log.string());
    Transcript t;
    t.format = "native";
    return t;
  };
  std::string html = task_html(task, board_of({record("t", "c", Outcome::kPass, 0.1)}), "x.json", {}, read);
  EXPECT_NE(html.find("night-7"), std::string::npos);
  EXPECT_NE(html.find("escalated on check_failed"), std::string::npos) << html;
  EXPECT_NE(html.find("Route steps"), std::string::npos);
  EXPECT_NE(html.find("$0.500"), std::string::npos);
  EXPECT_EQ(asked.size(), 3u);  // the single attempt and both route steps
  EXPECT_NE(html.find("transcript: 0 model call(s)"), std::string::npos);
}

TEST(SiteTrends, ColumnsAreHeadedByDate) {
  SiteData data;
  CampaignPoint a{{"night-1", "s", "", "2026-11-19T01:00:00Z", "", ""}, board_of({record("t", "x", Outcome::kPass, 0.1)})};
  CampaignPoint b{{"night-2", "s", "", "2026-11-20T01:00:00Z", "", ""}, board_of({record("t", "x", Outcome::kFail, 0.1)})};
  data.campaigns = {a, b};
  std::string html = trends_html(data);
  EXPECT_NE(html.find(">2026-11-19</time><br><small>night-1</small>"), std::string::npos) << html;
  EXPECT_NE(html.find(">2026-11-20</time>"), std::string::npos);
}

TEST(SiteTrends, ACellWhoseDefinitionChangedUnderTheSameNameIsMarked) {
  auto point = [](const std::string& id, const std::string& date, const std::string& fingerprint) {
    Record r = record("t", "frontier", Outcome::kPass, 0.1);
    r.contender.fingerprint = fingerprint;
    return CampaignPoint{{id, "s", "", date, "", ""}, board_of({r})};
  };
  SiteData data;
  data.campaigns = {point("night-1", "2026-11-19T01:00:00Z", "aaa"),
                    point("night-2", "2026-11-20T01:00:00Z", "aaa"),
                    point("night-3", "2026-11-21T01:00:00Z", "bbb")};
  mark_definition_changes(data.campaigns);
  EXPECT_TRUE(data.campaigns[0].definition_changed.empty());
  EXPECT_TRUE(data.campaigns[1].definition_changed.empty());
  EXPECT_EQ(data.campaigns[2].definition_changed, std::set<std::string>{"frontier"});
  const std::string html = trends_html(data);
  EXPECT_EQ(html.find("definition changed</small>"), html.rfind("definition changed</small>"));
  EXPECT_NE(html.find("definition changed</small>"), std::string::npos) << html;
}

TEST(SiteLeaderboard, PriceStatusBadgesUseTheOneVocabulary) {
  Record incomplete = record("t", "partial", Outcome::kPass, std::nullopt);
  incomplete.price_status = "incomplete";
  Scoreboard board = board_of({incomplete, record("t2", "partial", Outcome::kPass, 0.2),
                               record("t", "none", Outcome::kPass, std::nullopt)});
  LeaderboardPage page{&board, "Board", "", "index.html", {}, "data/report.json"};
  std::string html = leaderboard_html(page);
  EXPECT_NE(html.find("<span class=\"badge incomplete\">incomplete</span>"), std::string::npos) << html;
  EXPECT_NE(html.find("<span class=\"badge unpriced\">unpriced</span>"), std::string::npos);
  EXPECT_EQ(html.find("partly priced"), std::string::npos);
}

TEST(SiteParetoPlot, DrawsPricedContendersAndTheFrontier) {
  Scoreboard board = board_of({record("t", "a", Outcome::kPass, 0.1), record("t", "b", Outcome::kFail, 1.0),
                               record("t", "c", Outcome::kPass, 2.0)});
  std::string svg = pareto_svg(board);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("class=\"frontier\""), std::string::npos);
  EXPECT_EQ(std::count(svg.begin(), svg.end(), 'M'), 1);  // one frontier path
  EXPECT_NE(svg.find(">a</text>"), std::string::npos);
}

TEST(SiteAssets, StylesheetAndScriptAreEmbeddedAndLocal) {
  std::map<std::string, std::string_view> assets;
  for (const Asset& a : site_assets()) assets[std::string(a.name)] = a.content;
  ASSERT_TRUE(assets.count("site.css"));
  ASSERT_TRUE(assets.count("site.js"));
  for (const auto& [name, content] : assets) {
    EXPECT_EQ(content.find("http://"), std::string_view::npos) << name;
    EXPECT_EQ(content.find("https://"), std::string_view::npos) << name;
  }
}

TEST(SitePublish, RefusesToOverwriteAFolderThatIsNotASite) {
  testing::ScratchDir dir;
  ASSERT_TRUE(write_file(dir / "precious.txt", "keep").ok());
  SiteData data;
  PublishOptions options;
  options.out = dir.path();
  auto published = publish_site(data, {}, options);
  ASSERT_FALSE(published.ok());
  EXPECT_TRUE(std::filesystem::exists(dir / "precious.txt"));
}

TEST(SitePublish, WritesEveryPageAndReplacesAPreviousSite) {
  testing::ScratchDir dir;
  std::vector<Record> records = {record("t1", "a", Outcome::kPass, 0.1), record("t2", "a", Outcome::kFail, 0.2)};
  SiteData data;
  data.main.board = board_of(records);
  for (const Record& r : records) data.tasks[r.task_id].task_id = r.task_id;
  PublishOptions options;
  options.out = dir / "site";
  auto first = publish_site(data, {}, options);
  ASSERT_TRUE(first.ok()) << first.error().message;
  for (const char* file : {"index.html", "pareto.html", "trends.html", "routes.html", "tasks/index.html", "tasks/t1.html",
                           "data/report.json", "data/site.json", "data/trends.json",
                           "data/tasks/t2.json", "assets/site.css", "assets/site.js"})
    EXPECT_TRUE(std::filesystem::exists(dir / "site" / file)) << file;
  data.tasks.erase("t2");
  ASSERT_TRUE(publish_site(data, {}, options).ok());
  EXPECT_FALSE(std::filesystem::exists(dir / "site/tasks/t2.html"));  // no stale page
}

}  // namespace
}  // namespace landed::site
