#include "results/source/pooled_records.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

Record record(const std::string& campaign, const std::string& attempt,
              std::optional<ReusedFrom> from = std::nullopt) {
  Record r;
  r.campaign_id = campaign;
  r.attempt_id = attempt;
  r.reused_from = std::move(from);
  return r;
}

TEST(PooledRecords, ACopyCountsOnceWhenItsOriginalIsPooled) {
  PooledRecords pool({"night1", "night2"}, /*filter=*/true);
  EXPECT_TRUE(pool.counts(record("night1", "t/a/r0")));
  EXPECT_FALSE(pool.counts(record("night2", "t/a/r0", ReusedFrom{"night1", "t/a/r0"})));
  EXPECT_TRUE(pool.counts(record("night2", "t/a/r1")));
}

TEST(PooledRecords, CopiesOfAnOriginalOutsideThePoolCountOnce) {
  PooledRecords pool({"night2", "night3"}, /*filter=*/true);
  EXPECT_TRUE(pool.counts(record("night2", "t/a/r0", ReusedFrom{"night1", "t/a/r0"})));
  EXPECT_FALSE(pool.counts(record("night3", "t/a/r0", ReusedFrom{"night1", "t/a/r0"})));
}

TEST(PooledRecords, ALoneCampaignKeepsItsReusedAttempts) {
  PooledRecords pool({"night2"}, /*filter=*/false);
  EXPECT_TRUE(pool.counts(record("night2", "t/a/r0", ReusedFrom{"night1", "t/a/r0"})));
}

}  // namespace
}  // namespace landed
