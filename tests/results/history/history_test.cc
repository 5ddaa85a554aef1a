#include "results/history/history.h"

#include <gtest/gtest.h>

#include <sstream>

#include "harness/base/files.h"
#include "results/history/schema.h"
#include "results/model/record_json.h"
#include "results/report/load.h"
#include "results/report/reporter.h"
#include "tests/test_support.h"

namespace landed::history {
namespace {

Record record(const std::string& task, const std::string& contender, int repeat, Outcome outcome) {
  Record r;
  r.campaign_id = "c1";
  r.task_id = task;
  r.attempt_id = task + "/" + contender + "/r" + std::to_string(repeat);
  r.task_digest = "digest-" + task;
  r.task_difficulty = "easy";
  r.task_tags = {"python"};
  r.contender.id = contender;
  r.contender.runner = "sim";
  r.contender.model = "sim-frontier";
  r.contender.fingerprint = "fp-" + contender;
  r.repeat = repeat;
  r.outcome = outcome;
  r.cost_usd = 0.25 + repeat;
  r.price_status = "priced";
  r.wall_time_s = 3.5;
  return r;
}

/// A campaign folder with `records` and a campaign.json naming `id`.
void write_campaign(const std::filesystem::path& dir, const std::string& id,
                    const std::vector<Record>& records, const std::string& extra = "") {
  ASSERT_TRUE(make_directories(dir).ok());
  std::string lines;
  for (const Record& r : records) lines += to_json_line(r) + "\n";
  ASSERT_TRUE(write_file(dir / "records.jsonl", lines + extra).ok());
  ASSERT_TRUE(write_file(dir / "campaign.json",
                         R"({"schema":1,"campaign_id":")" + id +
                             R"(","started_at":"2026-11-20T01:00:00Z","suite":{"name":"mini"}})")
                  .ok());
}

std::vector<Record> sample() {
  return {record("a", "x", 0, Outcome::kPass), record("a", "y", 0, Outcome::kFail),
          record("b", "x", 0, Outcome::kFail), record("b", "y", 0, Outcome::kPass)};
}

/// Every row of every table, as text: equal dumps mean the database did not change.
std::string dump(History& db) {
  std::string out;
  for (const char* table : {"campaigns", "contenders", "tasks", "attempts"}) {
    auto stmt = db.database().prepare(std::string("SELECT * FROM ") + table + " ORDER BY 1, 2");
    EXPECT_TRUE(stmt.ok());
    while (*stmt->step()) out += stmt->text(0) + "|" + stmt->text(1) + "|" + stmt->text(2) + "\n";
  }
  return out;
}

TEST(History, IngestingTheSameCampaignTwiceChangesNothing) {
  testing::ScratchDir dir;
  write_campaign(dir / "c1", "c1", sample());
  auto db = History::open(dir / "landed.db", true);
  ASSERT_TRUE(db.ok()) << db.error().message;
  auto first = db->ingest_campaign(dir / "c1");
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->inserted, 4);
  std::string before = dump(*db);
  auto second = db->ingest_campaign(dir / "c1");
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->inserted, 0);
  EXPECT_EQ(second->unchanged, 4);
  EXPECT_EQ(dump(*db), before);
  auto campaigns = db->campaigns();
  ASSERT_EQ(campaigns->size(), 1u);
  EXPECT_EQ((*campaigns)[0].attempts, 4);
  EXPECT_EQ((*campaigns)[0].info.suite_name, "mini");
}

TEST(History, KeepsTasksWithTheirDigestsAndContendersOnce) {
  testing::ScratchDir dir;
  write_campaign(dir / "c1", "c1", sample());
  auto db = History::open(dir / "landed.db", true);
  ASSERT_TRUE(db->ingest_campaign(dir / "c1").ok());
  auto tasks = db->database().prepare("SELECT task_id, task_digest FROM tasks ORDER BY 1");
  ASSERT_TRUE(*tasks->step());
  EXPECT_EQ(tasks->text(0), "a");
  EXPECT_EQ(tasks->text(1), "digest-a");
  auto contenders = db->database().prepare("SELECT count(*) FROM contenders");
  ASSERT_TRUE(*contenders->step());
  EXPECT_EQ(contenders->integer(0), 2);
}

TEST(History, MalformedRecordNamesFileAndLine) {
  testing::ScratchDir dir;
  write_campaign(dir / "c1", "c1", sample(), "{not json}\n" + to_json_line(sample()[0]) + "\n");
  auto db = History::open(dir / "landed.db", true);
  auto ingested = db->ingest_campaign(dir / "c1");
  ASSERT_FALSE(ingested.ok());
  EXPECT_NE(ingested.error().message.find("records.jsonl:5"), std::string::npos)
      << ingested.error().message;
  // Nothing of a bad campaign goes in.
  auto count = db->database().prepare("SELECT count(*) FROM attempts");
  ASSERT_TRUE(*count->step());
  EXPECT_EQ(count->integer(0), 0);
}

TEST(History, TornFinalLineIsSkipped) {
  testing::ScratchDir dir;
  write_campaign(dir / "c1", "c1", sample(), R"({"schema":1,"attempt_id":"z","outc)");
  auto db = History::open(dir / "landed.db", true);
  auto ingested = db->ingest_campaign(dir / "c1");
  ASSERT_TRUE(ingested.ok()) << ingested.error().message;
  EXPECT_EQ(ingested->inserted, 4);
  EXPECT_EQ(ingested->torn_lines, 1);
}

TEST(History, MigratesAVersionOneDatabaseKeepingItsRows) {
  testing::ScratchDir dir;
  {
    auto raw = sqlite::Database::open(dir / "old.db", true);
    ASSERT_TRUE(raw.ok());
    ASSERT_TRUE(migrate(*raw, 1).ok());
    EXPECT_EQ(*raw->user_version(), 1);
    ASSERT_TRUE(raw->exec("INSERT INTO campaigns (campaign_id, ingested_at) VALUES ('old', 't')").ok());
  }
  auto db = History::open(dir / "old.db", false);
  ASSERT_TRUE(db.ok()) << db.error().message;
  EXPECT_EQ(*db->database().user_version(), current_schema_version());
  auto campaigns = db->campaigns();  // reads the column version 2 added
  ASSERT_TRUE(campaigns.ok()) << campaigns.error().message;
  ASSERT_EQ(campaigns->size(), 1u);
  EXPECT_EQ((*campaigns)[0].info.campaign_id, "old");
}

TEST(History, RefusesADatabaseFromANewerLanded) {
  testing::ScratchDir dir;
  {
    auto raw = sqlite::Database::open(dir / "new.db", true);
    ASSERT_TRUE(raw->set_user_version(current_schema_version() + 1).ok());
  }
  auto db = History::open(dir / "new.db", false);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.error().message.find("newer"), std::string::npos);
}

TEST(History, DefaultPathSitsNextToTheCampaigns) {
  EXPECT_EQ(default_history_path("/runs/nightly-1"), std::filesystem::path("/runs/landed.db"));
  EXPECT_EQ(default_history_path("/runs/nightly-1/"), std::filesystem::path("/runs/landed.db"));
}

std::string json_report(const std::string& input) {
  auto source = open_record_source(input);
  EXPECT_TRUE(source.ok()) << source.error().message;
  auto loaded = load_scoreboard({*source}, PriceTable{}, false);
  EXPECT_TRUE(loaded.ok());
  loaded->context.sources.clear();  // the source labels differ by design
  std::ostringstream out;
  make_json_reporter()->write(loaded->context, loaded->board, out);
  return out.str();
}

TEST(History, DatabaseAsReportInputGivesTheSameReportAsTheFolder) {
  testing::ScratchDir dir;
  write_campaign(dir / "c1", "c1", sample());
  auto c2 = sample();
  for (Record& r : c2) r.campaign_id = "c2", r.outcome = Outcome::kFail;
  write_campaign(dir / "c2", "c2", c2);
  {
    auto db = History::open(dir / "landed.db", true);
    ASSERT_TRUE(db->ingest_campaign(dir / "c1").ok());
    ASSERT_TRUE(db->ingest_campaign(dir / "c2").ok());
  }
  std::string db = (dir / "landed.db").string();
  EXPECT_EQ(json_report(db + "#c1"), json_report((dir / "c1").string()));
  EXPECT_EQ(json_report(db + "#c2"), json_report((dir / "c2").string()));
  EXPECT_NE(json_report(db), json_report((dir / "c1").string()));  // all campaigns pooled
  auto unknown = open_record_source(db + "#nope");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("0 campaign(s) match 'nope'"), std::string::npos);
}

TEST(History, LatestAndPreviousSelectByStartTime) {
  testing::ScratchDir dir;
  write_campaign(dir / "c1", "c1", sample());
  auto db = History::open(dir / "landed.db", true);
  ASSERT_TRUE(db->ingest_campaign(dir / "c1").ok());
  ASSERT_TRUE(db->database().exec("INSERT INTO campaigns (campaign_id, started_at, ingested_at) "
                                  "VALUES ('c0', '2020-01-01T00:00:00Z', 't')").ok());
  auto latest = open_record_source((dir / "landed.db").string() + "#latest");
  ASSERT_TRUE(latest.ok()) << latest.error().message;
  EXPECT_EQ(latest->campaign_ids, std::vector<std::string>{"c1"});
  auto previous = open_record_source((dir / "landed.db").string() + "#previous");
  EXPECT_EQ(previous->campaign_ids, std::vector<std::string>{"c0"});
}

}  // namespace
}  // namespace landed::history
