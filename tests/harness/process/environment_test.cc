// make_environment: what a child inherits from landed's own environment.
#include <gtest/gtest.h>
#include <stdlib.h>

#include "harness/process/process.h"

namespace landed {
namespace {

TEST(MakeEnvironment, KeepsOnlyTheNamedVariables) {
  setenv("LANDED_KEEP_ME", "kept", 1);
  setenv("LANDED_DROP_ME", "dropped", 1);
  const auto env = make_environment({"LANDED_KEEP_ME", "LANDED_NOT_SET"}, {});
  EXPECT_EQ(env, std::vector<std::string>{"LANDED_KEEP_ME=kept"});
  unsetenv("LANDED_KEEP_ME");
  unsetenv("LANDED_DROP_ME");
}

TEST(MakeEnvironment, ExtraEntriesAddAndOverride) {
  setenv("LANDED_KEEP_ME", "old", 1);
  const auto env = make_environment({"LANDED_KEEP_ME"}, {"LANDED_KEEP_ME=new", "IS_SANDBOX=1"});
  EXPECT_EQ(env, (std::vector<std::string>{"LANDED_KEEP_ME=new", "IS_SANDBOX=1"}));
  unsetenv("LANDED_KEEP_ME");
}

TEST(MakeEnvironment, AValueMayContainEqualsSigns) {
  const auto env = make_environment({}, {"OPTS=a=b=c"});
  EXPECT_EQ(env, std::vector<std::string>{"OPTS=a=b=c"});
}

}  // namespace
}  // namespace landed
