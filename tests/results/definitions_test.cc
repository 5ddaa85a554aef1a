#include "results/report/definitions.h"

#include <gtest/gtest.h>

namespace landed {
namespace {

using nlohmann::json;

TEST(Definitions, NamesTheFieldsThatChanged) {
  const json before = {{"id", "frontier"}, {"effort", "high"}, {"model", "m"},
                       {"limits", {{"max_usd", 2.0}, {"max_steps", nullptr}}},
                       {"fingerprint", "aaa"}};
  json after = before;
  after["effort"] = "low";
  after["limits"]["max_usd"] = 1.0;
  after["fingerprint"] = "bbb";
  EXPECT_EQ(changed_fields(before, after), (std::vector<std::string>{"effort", "limits.max_usd"}));
}

TEST(Definitions, ARouteWhoseStepChangedSaysSo) {
  const json before = {{"id", "cascade"}, {"contenders", {"a", "b"}}, {"carry", false},
                       {"fingerprint", "aaa"}};
  json after = before;
  after["fingerprint"] = "bbb";
  EXPECT_EQ(changed_fields(before, after), (std::vector<std::string>{"a step's definition"}));
  after["contenders"] = {"a", "c"};
  EXPECT_EQ(changed_fields(before, after), (std::vector<std::string>{"contenders"}));
}

}  // namespace
}  // namespace landed
