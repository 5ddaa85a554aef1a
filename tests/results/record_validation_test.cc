// The validating records reader: every command counts the same lines as records, duplicates
// and quarantined lines (issue 13 item 8).
#include <atomic>

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "results/history/history.h"
#include "results/model/record_json.h"
#include "results/model/record_parser.h"
#include "results/store/record_reader.h"
#include "tests/test_support.h"

namespace landed {
namespace {

Record record(const std::string& task) {
  Record r;
  r.campaign_id = "c1";
  r.task_id = task;
  r.attempt_id = task + "/m/r0";
  r.task_digest = "d-" + task;
  r.contender.id = "m";
  r.contender.fingerprint = "fp";
  r.outcome = Outcome::kPass;
  r.usage.tokens.input_tokens = 10;
  r.cost_usd = 0.5;
  return r;
}

/// A line of `r` with the field `key` (a top-level JSON key) replaced by raw JSON `value`.
std::string with_field(const Record& r, const std::string& key, const std::string& value) {
  nlohmann::json json = to_json(r);
  json[key] = nullptr;
  std::string line = json.dump();
  std::string needle = "\"" + key + "\":null";
  return line.replace(line.find(needle), needle.size(), "\"" + key + "\":" + value);
}

TEST(RecordParser, RefusesValuesARecordCannotHold) {
  RecordParser parser;
  Record out;
  const std::pair<std::string, std::string> bad[] = {
      {"cost_usd", "-23.74"},
      {"input_tokens", "-5"},
      {"input_tokens", "1.5"},
      {"input_tokens", "18446744073709551621"},   // 2^64 + 5
      {"input_tokens", "9223372036854775808"},    // 2^63
      {"output_tokens", "1e999"},
      {"wall_time_s", "-1"},
  };
  for (const auto& [key, value] : bad) {
    Status parsed = parser.parse(with_field(record("a"), key, value), out);
    ASSERT_FALSE(parsed.ok()) << key << "=" << value;
    EXPECT_EQ(parser.fault(), LineFault::kBadValue) << key << "=" << value;
    EXPECT_NE(parsed.error().message.find(key), std::string::npos) << parsed.error().message;
  }
  // Two counts of 2^63-1 each are fine alone, but their sum overflows.
  Record big = record("a");
  big.usage.tokens.input_tokens = INT64_MAX;
  big.usage.tokens.output_tokens = INT64_MAX;
  Status sum = parser.parse(to_json_line(big), out);
  ASSERT_FALSE(sum.ok());
  EXPECT_NE(sum.error().message.find("overflow"), std::string::npos) << sum.error().message;
}

/// One file with a duplicate, a negative cost, a fractional and an overflowing count: the
/// file reader and the history (after ingest) count the same.
TEST(RecordReader, QuarantinesBadLinesAndCountsDuplicatesOnceWithFileAndLine) {
  testing::ScratchDir dir;
  std::string text = to_json_line(record("a")) + "\n" + to_json_line(record("b")) + "\n" +
                     to_json_line(record("a")) + "\n" +                          // line 3: duplicate
                     with_field(record("c"), "cost_usd", "-23.74") + "\n" +      // line 4
                     with_field(record("d"), "input_tokens", "1.5") + "\n" +     // line 5
                     with_field(record("e"), "input_tokens", "18446744073709551621") + "\n" +
                     to_json_line(record("f")) + "\n";
  ASSERT_TRUE(make_directories(dir / "camp").ok());
  ASSERT_TRUE(write_file(dir / "camp/records.jsonl", text).ok());
  std::vector<std::string> tasks;
  auto read = for_each_record(dir / "camp/records.jsonl", [&](const Record& r) {
    tasks.push_back(r.task_id);
    return ok_status();
  });
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(tasks, (std::vector<std::string>{"a", "b", "f"}));
  EXPECT_EQ(read->duplicates, 1);
  EXPECT_EQ(read->quarantined, 3);
  ASSERT_EQ(read->problems.size(), 4u);
  EXPECT_NE(read->problems[0].find("records.jsonl:3"), std::string::npos) << read->problems[0];
  EXPECT_NE(read->problems[1].find("records.jsonl:4"), std::string::npos) << read->problems[1];
  EXPECT_NE(read->warning().find("3 quarantined"), std::string::npos);

  auto db = history::History::open(dir / "landed.db", true);
  ASSERT_TRUE(db.ok()) << db.error().message;
  auto ingested = db->ingest_campaign(dir / "camp");
  ASSERT_TRUE(ingested.ok()) << ingested.error().message;
  EXPECT_EQ(ingested->inserted, 3);
  EXPECT_EQ(ingested->read.quarantined, 3);
  EXPECT_EQ(ingested->read.duplicates, 1);
}

/// A database holding a value this build refuses (an older landed let it in) still reports.
TEST(RecordReader, ABadValueInTheHistoryIsQuarantinedNotFatal) {
  testing::ScratchDir dir;
  ASSERT_TRUE(make_directories(dir / "camp").ok());
  ASSERT_TRUE(write_file(dir / "camp/records.jsonl",
                         to_json_line(record("a")) + "\n" + to_json_line(record("b")) + "\n").ok());
  auto db = history::History::open(dir / "landed.db", true);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(db->ingest_campaign(dir / "camp").ok());
  ASSERT_TRUE(db->database()
                  .exec("UPDATE attempts SET record_json = replace(record_json, "
                        "'\"input_tokens\":10', '\"input_tokens\":18446744073709551621') "
                        "WHERE attempt_id = 'b/m/r0'")
                  .ok());
  int seen = 0;
  auto read = db->for_each_record({}, [&](const Record&) {
    ++seen;
    return ok_status();
  });
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(read->quarantined, 1);
  EXPECT_NE(read->problems.at(0).find("attempt row 2"), std::string::npos) << read->problems[0];
}

TEST(RecordReader, ShardedReadsCountDuplicatesAcrossShardsOnce) {
  testing::ScratchDir dir;
  std::string text;
  for (int i = 0; i < 200; ++i) text += to_json_line(record("t" + std::to_string(i))) + "\n";
  text += text;  // every attempt twice, the copies in the other half of the file
  ASSERT_TRUE(write_file(dir / "r.jsonl", text).ok());
  std::atomic<int> seen = 0;
  auto read = for_each_record_sharded(dir / "r.jsonl", 2, [&](int, const Record&) {
    ++seen;
    return ok_status();
  });
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(seen.load(), 200);
  EXPECT_EQ(read->records, 200);
  EXPECT_EQ(read->duplicates, 200);
}

}  // namespace
}  // namespace landed
