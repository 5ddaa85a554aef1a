#include "results/model/record_json.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

Record sample_record() {
  Record r;
  r.campaign_id = "c1";
  r.attempt_id = "fix-ring/noop/r0";
  r.task_id = "fix-ring";
  r.task_digest = "abc";
  r.contender = {"noop", "noop", std::nullopt, std::nullopt, false, "f00"};
  r.outcome = Outcome::kFail;
  r.reason = "hidden tests failed (exit 1)";
  r.usage.add_step("m", TokenUsage{10, 20, std::nullopt, 5, 1});
  r.verify = ProcessInfo{1, std::nullopt, false, 0.5, 1024, "attempts/x/verify.log"};
  return r;
}

TEST(RecordJson, RoundTripsEveryField) {
  Record r = sample_record();
  auto parsed = parse_record_line(to_json_line(r));
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_EQ(*parsed, r);
}

TEST(RecordJson, UnknownCountsStayNullNotZero) {
  Record r = sample_record();
  nlohmann::json json = to_json(r);
  EXPECT_TRUE(json["cache_write_tokens"].is_null());
  EXPECT_TRUE(json["cost_usd"].is_null());
  EXPECT_EQ(json["input_tokens"], 10);
}

TEST(RecordJson, RejectsGarbageWithAReason) {
  EXPECT_FALSE(parse_record_line("{\"schema\":1").ok());
  auto wrong = parse_record_line(R"({"schema":1,"outcome":"maybe"})");
  ASSERT_FALSE(wrong.ok());
  EXPECT_NE(wrong.error().message.find("outcome"), std::string::npos);
}

}  // namespace
}  // namespace landed
