#include "harness/meter/attempt_meter.h"

#include <poll.h>

#include <gtest/gtest.h>

namespace landed {
namespace {

Upstream test_upstream() { return *parse_upstream("http://127.0.0.1:9"); }

/// $1 per 1000 tokens of any kind.
Dollars dollar_per_thousand(const Usage& usage) {
  return static_cast<double>(usage.tokens.total().value_or(0)) / 1000.0;
}

CallRecord answered(std::int64_t input, std::int64_t output, const std::string& model = "m") {
  CallRecord call;
  call.method = "POST";
  call.path = "/v1/messages";
  call.format = WireFormat::kAnthropic;
  call.status = 200;
  call.usage.known = true;
  call.usage.model = model;
  call.usage.tokens = TokenUsage{input, 0, 0, output, std::nullopt};
  return call;
}

bool readable(int fd) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) == 1;
}

TEST(AttemptMeterTest, SumsCallsPerModel) {
  AttemptMeter meter("a", test_upstream(), {}, nullptr);
  meter.record(answered(100, 10, "big"));
  meter.record(answered(50, 5, "small"));
  meter.record(answered(1, 1, "big"));
  const MeterReport report = meter.report();
  EXPECT_EQ(report.usage.calls, 3);
  EXPECT_EQ(report.usage.tokens, (TokenUsage{151, 0, 0, 16, std::nullopt}));
  ASSERT_EQ(report.usage.by_model.size(), 2u);
  EXPECT_EQ(report.usage.by_model[0].model, "big");
  EXPECT_EQ(report.usage.by_model[0].calls, 2);
  EXPECT_TRUE(report.usage.complete);
}

TEST(AttemptMeterTest, NoCallsIsAKnownZero) {
  AttemptMeter meter("a", test_upstream(), {}, nullptr);
  EXPECT_EQ(meter.report().usage.tokens.total(), 0);
}

TEST(AttemptMeterTest, UnknownUsageMarksTheAttemptIncomplete) {
  AttemptMeter meter("a", test_upstream(), {}, nullptr);
  CallRecord call = answered(0, 0);
  call.usage = CallUsage{};
  call.usage.problem = "no usage block";
  meter.record(answered(10, 1));
  meter.record(call);
  const MeteredUsage usage = meter.report().usage;
  EXPECT_FALSE(usage.complete);
  EXPECT_EQ(usage.calls, 2);
  EXPECT_EQ(usage.calls_usage_unknown, 1);
}

TEST(AttemptMeterTest, ErrorsAreCountedByStatus) {
  AttemptMeter meter("a", test_upstream(), {}, nullptr);
  CallRecord busy = answered(0, 0);
  busy.status = 529;
  CallRecord gone = answered(0, 0);
  gone.status = 0;
  meter.record(busy);
  meter.record(busy);
  meter.record(gone);
  const MeteredUsage usage = meter.report().usage;
  EXPECT_EQ(usage.errors_by_status, (std::map<std::string, std::int64_t>{{"529", 2}, {"connection", 1}}));
  EXPECT_TRUE(usage.complete);  // an error reply is billed nothing: known zero
}

TEST(AttemptMeterTest, DollarCapRefusesTheCallAfterTheCrossingOne) {
  AttemptMeter meter("a", test_upstream(), MeterLimits{0.01, {}, {}}, dollar_per_thousand);
  EXPECT_FALSE(meter.admit({}, 0));
  meter.record(answered(6, 1));  // $0.007
  EXPECT_FALSE(meter.admit({}, 0));
  EXPECT_FALSE(readable(meter.stop_fd()));
  meter.record(answered(6, 1));  // $0.014: crossed
  auto refusal = meter.admit({}, 0);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->limit, "usd");
  EXPECT_NE(refusal->message.find("max_usd"), std::string::npos);
  EXPECT_TRUE(readable(meter.stop_fd()));
  EXPECT_TRUE(meter.admit({}, 0));  // final: every later call too
  const MeteredUsage usage = meter.report().usage;
  EXPECT_EQ(usage.limit_hit, "usd");
  EXPECT_NEAR(*usage.overrun, 0.004, 1e-9);
}

TEST(AttemptMeterTest, TokenAndStepCaps) {
  AttemptMeter tokens("a", test_upstream(), MeterLimits{{}, 100, {}}, nullptr);
  tokens.record(answered(99, 1));
  ASSERT_TRUE(tokens.admit({}, 0));
  EXPECT_EQ(tokens.admit({}, 0)->limit, "tokens");
  AttemptMeter steps("b", test_upstream(), MeterLimits{{}, {}, 2}, nullptr);
  steps.record(answered(1, 1));
  EXPECT_FALSE(steps.admit({}, 0));
  steps.record(answered(1, 1));
  EXPECT_EQ(steps.admit({}, 0)->limit, "steps");
}

TEST(AttemptMeterTest, CampaignCapCountsLiveAndElsewhereSpend) {
  AttemptMeter meter("a", test_upstream(), {}, dollar_per_thousand);
  CampaignBudget budget{1.0, [] { return 0.75; }};
  EXPECT_FALSE(meter.admit(budget, 0.2));
  auto refusal = meter.admit(budget, 0.25);
  ASSERT_TRUE(refusal);
  EXPECT_EQ(refusal->limit, "campaign_usd");
  EXPECT_NE(refusal->message.find("--max-usd"), std::string::npos);
}

TEST(UpstreamTest, ParsesOriginAndPrefix) {
  auto up = parse_upstream("https://gateway.example.com/openai/");
  ASSERT_TRUE(up.ok());
  EXPECT_EQ(up->origin(), "https://gateway.example.com:443");
  EXPECT_EQ(up->prefix, "/openai");
  EXPECT_EQ(parse_upstream("http://127.0.0.1:8080")->port, 8080);
  EXPECT_FALSE(parse_upstream("api.openai.com").ok());
  EXPECT_FALSE(parse_upstream("ftp://x").ok());
  EXPECT_FALSE(parse_upstream("http://x:99999").ok());
}

}  // namespace
}  // namespace landed
