#include "results/model/campaign_metadata.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

constexpr const char* kWhole = R"({
  "schema": 1, "campaign_id": "c1", "started_at": "2026-01-01T00:00:00Z", "finished_at": null,
  "resumed_at": [], "status": "complete",
  "suite": {"name": "mini", "dir": "/s", "digest": "abc", "tasks": 2},
  "harness": {"version": "0.1", "commit": "deadbeef", "scoring_version": 1},
  "host": "h", "options": {"repeats": 3, "shard": "2/4", "jobs": 1},
  "config": {"contenders": []},
  "attempts": {"planned": 6, "recorded": 6, "reused": 1, "run": 5, "skipped": 0},
  "stopped_reason": null, "scheduler": {"jobs": 1, "busy_fraction": 0.5}
})";

TEST(CampaignMetadata, ReadsTypedFieldsAndWritesBackWhatItDoesNotInterpret) {
  auto m = CampaignMetadata::parse(kWhole, "campaign.json");
  ASSERT_TRUE(m.ok()) << m.error().message;
  EXPECT_EQ(m->campaign_id, "c1");
  EXPECT_EQ(m->status.value_or(""), "complete");
  EXPECT_EQ(m->suite.tasks, 2);
  ASSERT_TRUE(m->shard.has_value());
  EXPECT_EQ(m->shard->index, 2);
  EXPECT_EQ(m->shard->count, 4);
  ASSERT_TRUE(m->attempts.has_value());
  EXPECT_EQ(m->attempts->planned, 6);
  nlohmann::json out = m->to_json();
  EXPECT_EQ(out["scheduler"]["busy_fraction"], 0.5);  // kept, not typed
  EXPECT_EQ(out["options"]["shard"], "2/4");
  EXPECT_EQ(out["options"]["jobs"], 1);
  auto again = CampaignMetadata::parse(out.dump(), "again");
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->to_json(), out);
}

/// Each wrongly typed field is an error naming the file and the field, never an exception.
TEST(CampaignMetadata, AWronglyTypedFieldIsAnErrorNamingFileAndField) {
  const std::pair<const char*, const char*> cases[] = {
      {R"("suite": 5)", "'suite'"},
      {R"("suite": {"name": 5})", "'suite.name'"},
      {R"("status": 5)", "'status'"},
      {R"("attempts": null)", "'attempts'"},
      {R"("attempts": {"planned": -1})", "'attempts.planned'"},
      {R"("attempts": {"planned": 1.5})", "'attempts.planned'"},
      {R"("attempts": {"planned": 18446744073709551621})", "'attempts.planned'"},
      {R"("options": {"shard": "x"})", "'options.shard'"},
      {R"("options": {"shard": 3})", "'options.shard'"},
      {R"("options": {"repeats": "3"})", "'options.repeats'"},
      {R"("resumed_at": [1])", "'resumed_at'"},
      {R"("campaign_id": 7)", "'campaign_id'"},
      {R"("harness": {"scoring_version": "1"})", "'harness.scoring_version'"},
  };
  for (const auto& [field, name] : cases) {
    std::string text = std::string(R"({"campaign_id": "c1", )") + field + "}";
    if (std::string(field).starts_with(R"("campaign_id")")) text = std::string("{") + field + "}";
    auto m = CampaignMetadata::parse(text, "dir/campaign.json");
    ASSERT_FALSE(m.ok()) << text;
    EXPECT_NE(m.error().message.find("dir/campaign.json"), std::string::npos) << m.error().message;
    EXPECT_NE(m.error().message.find(name), std::string::npos) << m.error().message;
  }
}

TEST(CampaignMetadata, RefusesADocumentWithoutACampaignId) {
  EXPECT_FALSE(CampaignMetadata::parse("{}", "x").ok());
  EXPECT_FALSE(CampaignMetadata::parse("[]", "x").ok());
  EXPECT_FALSE(CampaignMetadata::parse("{", "x").ok());
}

TEST(ShardSpec, ParsesKOfNAndRefusesEverythingElse) {
  auto shard = parse_shard("2/8");
  ASSERT_TRUE(shard.ok());
  EXPECT_EQ(shard->index, 2);
  EXPECT_EQ(shard->count, 8);
  EXPECT_EQ(to_string(*shard), "2/8");
  for (const char* bad : {"", "2", "/8", "2/", "0/8", "9/8", "-1/8", "2x/8", " 2/8", "2/99999999999"})
    EXPECT_FALSE(parse_shard(bad).ok()) << bad;
}

}  // namespace
}  // namespace landed
