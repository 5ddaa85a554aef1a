#include "harness/base/spelling.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

TEST(Spelling, SuggestsTheOptionAMissingUnderscoreMeant) {
  const std::vector<std::string> known = {"api", "base_url", "max_turns", "retries"};
  EXPECT_EQ(closest_spelling("baseurl", known), "base_url");
  EXPECT_EQ(closest_spelling("retires", known), "retries");
  EXPECT_EQ(did_you_mean("baseurl", known), " (did you mean \"base_url\"?)");
}

TEST(Spelling, SuggestsNothingForAFarOffWord) {
  EXPECT_EQ(closest_spelling("colour", {"api", "base_url"}), std::nullopt);
  EXPECT_EQ(did_you_mean("colour", {"api", "base_url"}), "");
}

TEST(Spelling, EditDistanceCountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0u);
  EXPECT_EQ(edit_distance("report", "report"), 0u);
  EXPECT_EQ(edit_distance("reprot", "report"), 2u);
  EXPECT_EQ(edit_distance("run", "rn"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

// The subcommand suggestion of `landed` uses the same helper (there is no second one).
TEST(Spelling, SuggestsTheSubcommandATypoMeant) {
  const std::vector<std::string> commands = {"validate", "run",     "merge",  "report",
                                             "compare",  "routes",  "ingest", "publish"};
  EXPECT_EQ(closest_spelling("reprot", commands), "report");
  EXPECT_EQ(closest_spelling("comapre", commands), "compare");
  EXPECT_EQ(closest_spelling("rn", commands), "run");
  EXPECT_EQ(closest_spelling("xyzzy", commands), std::nullopt);
  EXPECT_EQ(closest_spelling("", commands), std::nullopt);
}

}  // namespace
}  // namespace landed
