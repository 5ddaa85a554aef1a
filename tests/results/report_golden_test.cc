// Golden files of every report format over the hand-written fixture campaign.
// Regenerate after an intended change: LANDED_UPDATE_GOLDENS=1 build/tests/results_tests
#include <cstdlib>
#include <sstream>

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "results/report/load.h"
#include "results/report/reporter.h"
#include "results/report/text_table.h"
#include "tests/test_support.h"

namespace landed {
namespace {

LoadedScoreboard load_fixture() {
  auto source = open_record_source(testing::source_dir() / "tests/fixtures/report-campaign");
  EXPECT_TRUE(source.ok());
  source->label = "tests/fixtures/report-campaign";
  auto loaded = load_scoreboard({*source}, builtin_prices().value(), /*reprice=*/false);
  EXPECT_TRUE(loaded.ok()) << loaded.error().message;
  // Goldens must not change when the shipped price table or the version does.
  loaded->context.price_source = "stored costs";
  loaded->context.prices_as_of = "2026-01-01";
  loaded->context.landed_version = "test";
  return std::move(loaded).value();
}

void expect_golden(const std::string& format, const std::string& file, TerminalLayout layout = {}) {
  LoadedScoreboard loaded = load_fixture();
  loaded.context.layout = layout;
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
TEST(ReportGolden, TableWithoutMatrix) {
  expect_golden("table", "report-no-matrix.txt", TerminalLayout{0, false, false});
}
TEST(ReportGolden, TableFittedToEightyColumns) {
  expect_golden("table", "report-80.txt", TerminalLayout{80, false, true});
}

std::string table_text(TerminalLayout layout) {
  LoadedScoreboard loaded = load_fixture();
  loaded.context.layout = layout;
  std::ostringstream out;
  make_reporter("table")->write(loaded.context, loaded.board, out);
  return out.str();
}

TEST(ReportTable, MatrixShowsPassesPerTaskAndContender) {
  std::string text = table_text({});
  EXPECT_NE(text.find("Per task: passes/attempts"), std::string::npos);
  EXPECT_EQ(table_text(TerminalLayout{0, false, false}).find("Per task"), std::string::npos);
}

TEST(ReportTable, FittedTablesStayWithinTheWidthAndSayWhatIsHidden) {
  std::istringstream lines(table_text(TerminalLayout{80, false, true}));
  std::size_t table_lines = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("#  ", 0) == 0 || line.rfind("-  ", 0) == 0) ++table_lines;
    if (line.find("hidden to fit") != std::string::npos) continue;  // notes may wrap in the terminal
    if (line.rfind("demo-1", 0) == 0 || line.find(": ") != std::string::npos) continue;
    EXPECT_LE(display_width(line), 80u) << line;
  }
  EXPECT_GT(table_lines, 0u);
  EXPECT_NE(table_text(TerminalLayout{80, false, true}).find("(--wide shows them)"), std::string::npos);
}

TEST(ReportTable, ColourOnlyWhenTheLayoutAsksAndWidthsIgnoreIt) {
  EXPECT_EQ(table_text({}).find('\033'), std::string::npos);
  std::string coloured = table_text(TerminalLayout{0, true, true});
  EXPECT_NE(coloured.find("\033[32m"), std::string::npos);
  EXPECT_EQ(display_width("\033[31m0/3\033[0m"), 3u);
}

TEST(TextTableFit, DropsTheLeastImportantColumnsFirstAndNeverTheEssential) {
  TextTable table;
  table.add_column("id", TextTable::Align::kLeft, 0);
  table.add_column("useful", TextTable::Align::kLeft, 1);
  table.add_column("detail", TextTable::Align::kLeft, 5);
  table.add_row({"aaaaaaaaaa", "bbbbbb", "cccccc"});
  EXPECT_EQ(table.fit(0), std::vector<std::string>{});
  EXPECT_EQ(table.fit(20), std::vector<std::string>{"detail"});
  EXPECT_EQ(table.width(), 18u);
  EXPECT_EQ(table.fit(5), std::vector<std::string>{"useful"});
  EXPECT_EQ(table.width(), 10u);  // the essential column stays, however narrow the terminal
}

TEST(Report, EveryFormatHasAReporterAndUnknownOnesNone) {
  for (const auto& format : report_formats().formats()) EXPECT_NE(make_reporter(format.name), nullptr);
  EXPECT_NE(make_reporter("markdown"), nullptr);
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
  ScoreboardBuilder builder(builtin_prices().value(), Pricing::kStored);
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
    auto loaded = load_scoreboard({*source, *source}, builtin_prices().value(), false, shards);
    EXPECT_TRUE(loaded.ok());
    std::ostringstream out;
    make_reporter("json")->write(loaded->context, loaded->board, out);
    return out.str();
  };
  EXPECT_EQ(render(1), render(4));
}

}  // namespace
}  // namespace landed
