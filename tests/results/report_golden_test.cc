// Golden files of every report format over the hand-written fixture campaign.
// Regenerate after an intended change: LANDED_UPDATE_GOLDENS=1 build/tests/results_tests
#include <cstdlib>
#include <sstream>

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "results/report/load.h"
#include "results/report/reporter.h"
#include "tests/test_support.h"

namespace landed {
namespace {

LoadedScoreboard load_fixture() {
  auto source = open_record_source(testing::source_dir() / "tests/fixtures/report-campaign");
  EXPECT_TRUE(source.ok());
  source->label = "tests/fixtures/report-campaign";
  auto loaded = load_scoreboard({*source}, default_price_table(), /*reprice=*/false);
  EXPECT_TRUE(loaded.ok()) << loaded.error().message;
  // Goldens must not change when the shipped price table or the version does.
  loaded->context.price_source = "stored costs";
  loaded->context.landed_version = "test";
  return std::move(loaded).value();
}

void expect_golden(const std::string& format, const std::string& file) {
  LoadedScoreboard loaded = load_fixture();
  std::ostringstream out;
  make_reporter(format)->write(loaded.context, loaded.board, out);
  fs::path golden = testing::source_dir() / "tests/fixtures/reports" / file;
  if (std::getenv("LANDED_UPDATE_GOLDENS")) {
    ASSERT_TRUE(make_directories(golden.parent_path()).ok());
    ASSERT_TRUE(write_file(golden, out.str()).ok());
  }
  auto expected = read_file(golden);
  ASSERT_TRUE(expected.ok()) << expected.error().message;
  EXPECT_EQ(out.str(), *expected) << "golden " << golden;
}

TEST(ReportGolden, Table) { expect_golden("table", "report.txt"); }
TEST(ReportGolden, Markdown) { expect_golden("md", "report.md"); }
TEST(ReportGolden, Json) { expect_golden("json", "report.json"); }
TEST(ReportGolden, Csv) { expect_golden("csv", "report.csv"); }
TEST(ReportGolden, Junit) { expect_golden("junit", "report.xml"); }

TEST(Report, EveryFormatHasAReporterAndUnknownOnesNone) {
  for (const std::string& format : report_formats()) EXPECT_NE(make_reporter(format), nullptr);
  EXPECT_EQ(make_reporter("html"), nullptr);
}

TEST(Report, FixtureFiguresMatchHandCounts) {
  LoadedScoreboard loaded = load_fixture();
  const Scoreboard& board = loaded.board;
  ASSERT_EQ(board.contenders.size(), 4u);
  EXPECT_EQ(board.records, 15);
  EXPECT_EQ(board.infra_errors, 1);
  const ContenderSummary& leader = board.contenders[0];
  EXPECT_EQ(leader.contender.id, "claude-code/claude-sonnet-4-5@high");  // 2/3, then sim 3/5
  EXPECT_EQ(leader.passes, 2);
  const ContenderSummary& sim = board.contenders[1];
  EXPECT_EQ(sim.scored, 5);
  EXPECT_FALSE(sim.pass_at_k.has_value());  // rate-limit has one scored attempt
  EXPECT_EQ(board.contenders[2].cost.unpriced, 3);
  EXPECT_EQ(board.contenders[3].cost.no_usage, 3);
  EXPECT_FALSE(board.contenders[3].cost.mean_per_attempt.has_value());
}

}  // namespace
}  // namespace landed

namespace landed {
namespace {

TEST(Report, EscapesSpecialCharactersInEveryFormat) {
  ScoreboardBuilder builder(default_price_table(), Pricing::kStored);
  Record r;
  r.schema = 1;
  r.contender.id = "evil|<x> & \"y\",z";
  r.task_id = "task,\"q\"|<t>";
  r.outcome = Outcome::kFail;
  builder.add(r);
  Scoreboard board = builder.finish();
  ReportContext context;
  auto render = [&](const char* format) {
    std::ostringstream out;
    make_reporter(format)->write(context, board, out);
    return out.str();
  };
  std::string xml = render("junit");
  EXPECT_NE(xml.find("evil|&lt;x&gt; &amp; &quot;y&quot;,z"), std::string::npos) << xml;
  EXPECT_EQ(xml.find("<x>"), std::string::npos);
  std::string csv = render("csv");
  EXPECT_NE(csv.find("\"task,\"\"q\"\"|<t>\",\"evil|<x> & \"\"y\"\",z\""), std::string::npos) << csv;
  std::string md = render("md");
  EXPECT_NE(md.find("evil\\|&lt;x> &amp; \"y\",z"), std::string::npos) << md;
  std::string json = render("json");
  EXPECT_NE(json.find(R"(evil|<x> & \"y\",z)"), std::string::npos) << json;
}

}  // namespace
}  // namespace landed

namespace landed {
namespace {

TEST(Report, FiguresDoNotDependOnTheNumberOfReadingThreads) {
  auto source = open_record_source(testing::source_dir() / "tests/fixtures/report-campaign");
  ASSERT_TRUE(source.ok());
  auto render = [&](int shards) {
    auto loaded = load_scoreboard({*source, *source}, default_price_table(), false, shards);
    EXPECT_TRUE(loaded.ok());
    std::ostringstream out;
    make_reporter("json")->write(loaded->context, loaded->board, out);
    return out.str();
  };
  EXPECT_EQ(render(1), render(4));
}

}  // namespace
}  // namespace landed
