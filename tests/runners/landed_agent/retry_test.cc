#include "runners/landed_agent/retry.h"

#include <gtest/gtest.h>

#include <deque>

namespace landed::agent {
namespace {

using std::chrono::milliseconds;

/// Answers from a list, then the last one forever; counts the calls.
struct ScriptedCalls {
  std::deque<Result<HttpReply>> answers;
  int calls = 0;
  Result<HttpReply> operator()() {
    ++calls;
    Result<HttpReply> answer = answers.front();
    if (answers.size() > 1) answers.pop_front();
    return answer;
  }
};

struct RecordedSleeps {
  std::vector<milliseconds> waits;
  void operator()(milliseconds wait) { waits.push_back(wait); }
};

HttpReply reply(int status, std::string body = "{}") { return {status, std::move(body), {}}; }

TEST(CallWithRetries, RetriesRateLimitsWithDoublingBackoffUntilAnswered) {
  ScriptedCalls calls{{reply(429), reply(503), reply(200, "ok")}};
  RecordedSleeps sleeps;
  CallResult result = call_with_retries(std::ref(calls), {4, milliseconds(100)}, std::ref(sleeps));
  EXPECT_EQ(result.outcome, CallOutcome::kAnswered);
  EXPECT_EQ(result.reply.body, "ok");
  EXPECT_EQ(result.attempts, 3);
  EXPECT_EQ(sleeps.waits, (std::vector<milliseconds>{milliseconds(100), milliseconds(200)}));
}

TEST(CallWithRetries, GivesUpAfterTheBoundAsUnavailable) {
  ScriptedCalls calls{{reply(429, R"({"error":{"message":"slow down"}})")}};
  RecordedSleeps sleeps;
  CallResult result = call_with_retries(std::ref(calls), {3, milliseconds(1)}, std::ref(sleeps));
  EXPECT_EQ(result.outcome, CallOutcome::kUnavailable);
  EXPECT_EQ(calls.calls, 4);
  EXPECT_EQ(sleeps.waits.size(), 3u);
  EXPECT_NE(result.reason.find("slow down"), std::string::npos);
  EXPECT_NE(result.reason.find("4 attempts"), std::string::npos);
}

TEST(CallWithRetries, ConnectionFailuresAreRetriedToo) {
  ScriptedCalls calls{{Result<HttpReply>(make_error("connection refused")), reply(200)}};
  RecordedSleeps sleeps;
  CallResult result = call_with_retries(std::ref(calls), {2, milliseconds(1)}, std::ref(sleeps));
  EXPECT_EQ(result.outcome, CallOutcome::kAnswered);
  EXPECT_EQ(calls.calls, 2);
}

TEST(CallWithRetries, ClientErrorsAreNotRetried) {
  ScriptedCalls calls{{reply(401, R"({"error":{"message":"invalid x-api-key"}})")}};
  RecordedSleeps sleeps;
  CallResult result = call_with_retries(std::ref(calls), {4, milliseconds(1)}, std::ref(sleeps));
  EXPECT_EQ(result.outcome, CallOutcome::kRejected);
  EXPECT_EQ(calls.calls, 1);
  EXPECT_TRUE(sleeps.waits.empty());
  EXPECT_EQ(result.reason, "HTTP 401: invalid x-api-key");
}

TEST(RetryDelay, HonoursRetryAfterWithinTheCap) {
  const RetryPolicy policy{4, milliseconds(100), milliseconds(5000)};
  EXPECT_EQ(retry_delay(policy, 0, 2.0), milliseconds(2000));
  EXPECT_EQ(retry_delay(policy, 0, 60.0), milliseconds(5000));
  EXPECT_EQ(retry_delay(policy, 3, std::nullopt), milliseconds(800));
  EXPECT_EQ(retry_delay(policy, 20, std::nullopt), milliseconds(5000));
}

}  // namespace
}  // namespace landed::agent
