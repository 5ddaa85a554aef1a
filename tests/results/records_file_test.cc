#include "results/store/records_file.h"

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "tests/test_support.h"

namespace landed {
namespace {

Record record(const std::string& id) {
  Record r;
  r.attempt_id = id;
  r.task_digest = "d";
  r.contender.fingerprint = "f";
  r.outcome = Outcome::kPass;
  return r;
}

TEST(RecordsFile, AppendedRecordsReadBack) {
  testing::ScratchDir dir;
  const auto path = dir / "records.jsonl";
  {
    auto file = RecordsFile::open(path);
    ASSERT_TRUE(file.ok()) << file.error().message;
    ASSERT_TRUE(file->append(record("a")).ok());
    ASSERT_TRUE(file->append(record("b")).ok());
  }
  auto existing = read_existing_records(path);
  ASSERT_TRUE(existing.ok());
  ASSERT_EQ(existing->records.size(), 2u);
  EXPECT_EQ(existing->records[1].attempt_id, "b");
  EXPECT_EQ(existing->attempt_keys.count(attempt_key(record("a"))), 1u);
}

TEST(RecordsFile, TornLastLineIsToleratedAndCutOnOpen) {
  testing::ScratchDir dir;
  const auto path = dir / "records.jsonl";
  {
    auto file = RecordsFile::open(path);
    ASSERT_TRUE(file->append(record("a")).ok());
  }
  auto contents = read_file(path);
  ASSERT_TRUE(write_file(path, *contents + R"({"schema":1,"attempt_id":"b","outc)").ok());
  auto existing = read_existing_records(path);
  ASSERT_TRUE(existing.ok()) << existing.error().message;
  EXPECT_EQ(existing->records.size(), 1u);
  EXPECT_EQ(existing->summary.torn_lines, 1);
  {
    auto file = RecordsFile::open(path);
    ASSERT_TRUE(file->append(record("c")).ok());
  }
  auto repaired = read_existing_records(path);
  ASSERT_TRUE(repaired.ok()) << repaired.error().message;
  ASSERT_EQ(repaired->records.size(), 2u);
  EXPECT_EQ(repaired->records[1].attempt_id, "c");
  EXPECT_EQ(repaired->summary.torn_lines, 0);
}

TEST(RecordsFile, AValidLastRecordWithoutNewlineIsKeptAndGetsItsNewlineOnOpen) {
  testing::ScratchDir dir;
  const auto path = dir / "records.jsonl";
  {
    auto file = RecordsFile::open(path);
    ASSERT_TRUE(file->append(record("a")).ok());
    ASSERT_TRUE(file->append(record("b")).ok());
  }
  auto contents = read_file(path);
  ASSERT_TRUE(write_file(path, contents->substr(0, contents->size() - 1)).ok());  // drop "\n"
  auto existing = read_existing_records(path);
  ASSERT_TRUE(existing.ok()) << existing.error().message;
  EXPECT_EQ(existing->records.size(), 2u);
  EXPECT_EQ(existing->summary.torn_lines, 0);
  {
    auto file = RecordsFile::open(path);
    ASSERT_TRUE(file->append(record("c")).ok());
  }
  auto repaired = read_existing_records(path);
  ASSERT_TRUE(repaired.ok()) << repaired.error().message;
  ASSERT_EQ(repaired->records.size(), 3u);
  EXPECT_EQ(repaired->records[1].attempt_id, "b");
  EXPECT_EQ(repaired->records[2].attempt_id, "c");
}

TEST(RecordsFile, MalformedMiddleLineNamesFileAndLine) {
  testing::ScratchDir dir;
  const auto path = dir / "records.jsonl";
  ASSERT_TRUE(write_file(path, "{\"schema\":1,\"outcome\":\"pass\"}\nnot json\n").ok());
  auto existing = read_existing_records(path);
  ASSERT_FALSE(existing.ok());
  EXPECT_NE(existing.error().message.find("records.jsonl:2"), std::string::npos);
}

TEST(RecordsFile, MissingFileIsEmpty) {
  testing::ScratchDir dir;
  auto existing = read_existing_records(dir / "none.jsonl");
  ASSERT_TRUE(existing.ok());
  EXPECT_TRUE(existing->records.empty());
}

}  // namespace
}  // namespace landed
