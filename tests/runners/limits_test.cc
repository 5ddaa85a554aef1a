#include <gtest/gtest.h>

#include "runners/redact.h"
#include "runners/subprocess_runner.h"

namespace landed {
namespace {

Usage usage_with(std::int64_t steps, std::int64_t tokens) {
  Usage usage;
  for (std::int64_t i = 0; i < steps; ++i) usage.add_step("m", TokenUsage{tokens / steps, 0, 0, 0, 0});
  return usage;
}

TEST(Limits, NoLimitIsNeverCrossed) {
  EXPECT_FALSE(crossed_limit(Limits{}, usage_with(1000, 1'000'000), nullptr));
}

TEST(Limits, StepsAreCrossedOnlyPastTheLimit) {
  Limits limits;
  limits.max_steps = 3;
  EXPECT_FALSE(crossed_limit(limits, usage_with(3, 30), nullptr));
  EXPECT_EQ(crossed_limit(limits, usage_with(4, 40), nullptr), "steps");
}

TEST(Limits, TokensCountEveryKind) {
  Limits limits;
  limits.max_tokens = 100;
  Usage usage;
  usage.add_step("m", TokenUsage{40, 30, 20, 20, 5});
  EXPECT_EQ(crossed_limit(limits, usage, nullptr), "tokens");
}

TEST(Limits, DollarsUseThePriceOfUsageAndIgnoreUnpriced) {
  Limits limits;
  limits.max_usd = 1.0;
  auto expensive = [](const Usage&) -> Dollars { return 1.5; };
  auto unpriced = [](const Usage&) -> Dollars { return std::nullopt; };
  EXPECT_EQ(crossed_limit(limits, usage_with(1, 1), expensive), "usd");
  EXPECT_FALSE(crossed_limit(limits, usage_with(1, 1), unpriced));
}

TEST(Redact, ReplacesEverySecretOccurrence) {
  EXPECT_EQ(redact("key=sk-12345 again sk-12345", {"sk-12345"}),
            "key=[redacted] again [redacted]");
  EXPECT_EQ(redact("abc", {"ab"}), "abc");  // too short to be a secret
}

}  // namespace
}  // namespace landed
