#include "harness/campaign/attempt_paths.h"

#include <set>

#include <gtest/gtest.h>

#include "harness/campaign/attempt.h"

namespace landed {
namespace {

TEST(AttemptPaths, IdsThatDifferOnlyInOddCharactersNeverShareAFolder) {
  const std::set<std::string> names{file_safe("x y"), file_safe("x_y"), file_safe("x?y"),
                                    file_safe("x%3Fy"), file_safe("x/y")};
  EXPECT_EQ(names.size(), 5u);
  EXPECT_EQ(file_safe("x_y"), "x_y");
  EXPECT_EQ(file_safe("x y"), "x%20y");
  EXPECT_EQ(file_safe("sim/sim-frontier@high"), "sim%2Fsim-frontier@high");
  EXPECT_NE(file_safe("a b"), file_safe("a_b"));
}

TEST(AttemptPaths, NamesNeverClimbOrHide) {
  EXPECT_EQ(file_safe(".."), "%2E.");
  EXPECT_EQ(file_safe(".hidden"), "%2Ehidden");
  EXPECT_EQ(file_safe(""), "%");
  EXPECT_EQ(file_safe("bad\xff"), "bad%FF");
}

TEST(AttemptPaths, TasksXSpaceYAndXUnderscoreYGetTheirOwnFolders) {
  Task spaced, underscored;
  spaced.id = "x y";
  underscored.id = "x_y";
  Contender a_b, a_space_b;
  a_b.id = "a_b";
  a_space_b.id = "a b";
  std::set<std::filesystem::path> dirs;
  for (const Task* task : {&spaced, &underscored})
    for (const Contender* contender : {&a_b, &a_space_b}) {
      AttemptPlan plan;
      plan.task = task;
      plan.contender = contender;
      dirs.insert(AttemptPaths("/campaign", plan).dir());
    }
  EXPECT_EQ(dirs.size(), 4u);
}

}  // namespace
}  // namespace landed
