#include "results/store/record_reader.h"

#include <atomic>

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "results/model/record_json.h"
#include "results/source/record_source.h"
#include "tests/test_support.h"

namespace landed {
namespace {

fs::path fixture() { return testing::source_dir() / "tests/fixtures/report-campaign"; }

std::vector<std::string> fixture_lines() {
  std::string text = *read_file(fixture() / "records.jsonl");
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
    lines.push_back(text.substr(start, end - start));
  return lines;
}

Result<ReadSummary> count(const fs::path& path, std::vector<std::string>* tasks = nullptr) {
  return for_each_record(path, [tasks](const Record& r) {
    if (tasks) tasks->push_back(r.task_id);
    return ok_status();
  });
}

TEST(RecordReader, ToleratesATornFinalLineAndCountsIt) {
  testing::ScratchDir dir;
  std::vector<std::string> lines = fixture_lines();
  ASSERT_TRUE(write_file(dir / "r.jsonl", lines[0] + "\n" + lines[1] + "\n" +
                                              lines[2].substr(0, 57)).ok());
  auto summary = count(dir / "r.jsonl");
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->records, 2);
  EXPECT_EQ(summary->torn_lines, 1);
}

TEST(RecordReader, AcceptsACompleteFinalLineWithoutNewline) {
  testing::ScratchDir dir;
  std::vector<std::string> lines = fixture_lines();
  ASSERT_TRUE(write_file(dir / "r.jsonl", lines[0] + "\n\n" + lines[1]).ok());
  auto summary = count(dir / "r.jsonl");
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->records, 2);
  EXPECT_EQ(summary->torn_lines, 0);
}

TEST(RecordReader, MalformedMiddleLineIsAnErrorNamingFileAndLine) {
  testing::ScratchDir dir;
  std::vector<std::string> lines = fixture_lines();
  for (ReadDepth depth : {ReadDepth::kSummary, ReadDepth::kFull}) {
    ASSERT_TRUE(write_file(dir / "r.jsonl", lines[0] + "\n" + lines[1] + "\n{\"schema\":1,\n" +
                                                lines[2] + "\n").ok());
    auto summary = for_each_record(dir / "r.jsonl", [](const Record&) { return ok_status(); },
                                   depth);
    ASSERT_FALSE(summary.ok());
    EXPECT_NE(summary.error().message.find("r.jsonl:3"), std::string::npos)
        << summary.error().message;
  }
}

TEST(RecordReader, RejectsAnUnknownOutcomeAndAnotherSchema) {
  testing::ScratchDir dir;
  ASSERT_TRUE(write_file(dir / "a.jsonl", "{\"schema\":1,\"outcome\":\"maybe\"}\n").ok());
  auto outcome = count(dir / "a.jsonl");
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().message.find("outcome"), std::string::npos);
  ASSERT_TRUE(write_file(dir / "b.jsonl", "{\"schema\":9,\"outcome\":\"pass\"}\n").ok());
  auto schema = count(dir / "b.jsonl");
  ASSERT_FALSE(schema.ok());
  EXPECT_NE(schema.error().message.find("schema 9"), std::string::npos);
}

TEST(RecordReader, SummaryDepthReadsTheSameReportFieldsAsTheFullParser) {
  std::vector<Record> summary, full;
  auto keep = [](std::vector<Record>& into) {
    return [&into](const Record& r) {
      into.push_back(r);
      return ok_status();
    };
  };
  ASSERT_TRUE(for_each_record(fixture() / "records.jsonl", keep(summary)).ok());
  ASSERT_TRUE(for_each_record(fixture() / "records.jsonl", keep(full), ReadDepth::kFull).ok());
  ASSERT_EQ(summary.size(), full.size());
  for (std::size_t i = 0; i < full.size(); ++i) {
    SCOPED_TRACE(full[i].attempt_id);
    EXPECT_EQ(summary[i].task_id, full[i].task_id);
    EXPECT_EQ(summary[i].attempt_id, full[i].attempt_id);
    EXPECT_EQ(summary[i].contender, full[i].contender);
    EXPECT_EQ(summary[i].outcome, full[i].outcome);
    EXPECT_EQ(summary[i].repeat, full[i].repeat);
    EXPECT_EQ(summary[i].usage, full[i].usage);
    EXPECT_EQ(summary[i].cost_usd, full[i].cost_usd);
    EXPECT_EQ(summary[i].price_status, full[i].price_status);
    EXPECT_EQ(summary[i].unpriced_models, full[i].unpriced_models);
    EXPECT_EQ(summary[i].wall_time_s, full[i].wall_time_s);
  }
}

TEST(RecordReader, ReadsLinesLongerThanItsBuffer) {
  testing::ScratchDir dir;
  Record r = *parse_record_line(fixture_lines()[0]);
  r.reason = std::string(3 << 20, 'x');
  ASSERT_TRUE(write_file(dir / "big.jsonl", to_json_line(r) + "\n" + fixture_lines()[1] + "\n").ok());
  std::vector<std::string> tasks;
  auto summary = count(dir / "big.jsonl", &tasks);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(tasks, (std::vector<std::string>{"fix-ring", "fix-ring"}));
}

TEST(RecordSource, ReadsACampaignFolderAndItsMetadata) {
  auto source = open_record_source(fixture());
  ASSERT_TRUE(source.ok()) << source.error().message;
  ASSERT_TRUE(source->campaign.has_value());
  EXPECT_EQ(source->campaign->campaign_id, "demo-1");
  EXPECT_EQ(source->campaign->suite_name, "example");
  EXPECT_EQ(source->records.filename(), "records.jsonl");
  EXPECT_FALSE(open_record_source(fixture() / "missing").ok());
  testing::ScratchDir empty;
  auto not_campaign = open_record_source(empty.path());
  ASSERT_FALSE(not_campaign.ok());
  EXPECT_NE(not_campaign.error().message.find("records.jsonl"), std::string::npos);
}

}  // namespace
}  // namespace landed

namespace landed {
namespace {

TEST(RecordReader, ShardedReadCountsEveryRecordOnceAndNamesTheLineOfAnError) {
  testing::ScratchDir dir;
  std::string text = *read_file(testing::source_dir() / "tests/fixtures/report-campaign/records.jsonl");
  // The second copy is another campaign's (the same lines twice would be duplicates).
  std::string other = text;
  for (std::size_t at; (at = other.find("\"demo-1\"")) != std::string::npos;)
    other.replace(at, 8, "\"demo-2\"");
  ASSERT_TRUE(write_file(dir / "r.jsonl", text + other + "{\"schema\":1,\"outc").ok());
  std::atomic<int> seen{0};
  auto summary = for_each_record_sharded(dir / "r.jsonl", 3, [&](int, const Record&) {
    ++seen;
    return ok_status();
  });
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(seen.load(), 30);
  EXPECT_EQ(summary->records, 30);
  EXPECT_EQ(summary->torn_lines, 1);
  EXPECT_EQ(summary->duplicates, 0);

  ASSERT_TRUE(write_file(dir / "bad.jsonl", text + other + "not json\n" + text).ok());
  auto bad = for_each_record_sharded(dir / "bad.jsonl", 3,
                                     [](int, const Record&) { return ok_status(); });
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("bad.jsonl:31"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace landed
