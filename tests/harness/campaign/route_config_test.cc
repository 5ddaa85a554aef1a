// [[route]] in the campaign config: cascades by contender id, the rule, carry, and the errors.
#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "harness/campaign/config.h"
#include "tests/test_support.h"

namespace landed {
namespace {

constexpr const char* kContenders = R"(
[[contender]]
runner = "sim"
model = "sim-budget"
[[contender]]
runner = "sim"
model = "sim-frontier"
efforts = ["low", "high"]
)";

class RouteConfigTest : public ::testing::Test {
 protected:
  Result<CampaignConfig> load(const std::string& routes) {
    const auto path = dir_ / "config.toml";
    EXPECT_TRUE(write_file(path, std::string(kContenders) + routes).ok());
    return load_config(path);
  }
  testing::ScratchDir dir_;
};

TEST_F(RouteConfigTest, ReadsACascadeWithItsRuleAndCarry) {
  auto config = load(R"(
[[route]]
name = "cheap-first"
contenders = ["sim/sim-budget", "sim/sim-frontier@high"]
escalate_on = ["check_failed", "gave_up"]
carry = true
[[route]]
name = "fresh"
contenders = ["sim/sim-budget", "sim/sim-frontier@low", "sim/sim-frontier@high"]
)");
  ASSERT_TRUE(config.ok()) << config.error().message;
  ASSERT_EQ(config->routes.size(), 2u);
  const Route& r = config->routes[0];
  EXPECT_EQ(r.row.id, "cheap-first");
  EXPECT_EQ(r.row.runner, "route");
  ASSERT_EQ(r.steps.size(), 2u);
  EXPECT_EQ(r.steps[1].id, "sim/sim-frontier@high");
  EXPECT_EQ(r.steps[1].fingerprint, config->contenders[2].fingerprint);
  EXPECT_TRUE(r.carry);
  EXPECT_EQ(r.rule.describe(), "check_failed,gave_up");
  EXPECT_EQ(config->routes[1].rule.describe(), EscalationRule{}.describe());
  EXPECT_FALSE(config->routes[1].carry);
  EXPECT_NE(r.row.fingerprint, config->routes[1].row.fingerprint);
  EXPECT_EQ(config_to_json(*config)["routes"][0]["contenders"][1], "sim/sim-frontier@high");
}

TEST_F(RouteConfigTest, CarryChangesTheFingerprint) {
  auto a = load("[[route]]\nname = \"r\"\ncontenders = [\"sim/sim-budget\", \"sim/sim-frontier@low\"]\n");
  auto b = load("[[route]]\nname = \"r\"\ncontenders = [\"sim/sim-budget\", \"sim/sim-frontier@low\"]\n"
                "carry = true\n");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(a->routes[0].row.fingerprint, b->routes[0].row.fingerprint);
}

TEST_F(RouteConfigTest, UnknownContenderIsAnErrorNamingTheKnownOnes) {
  auto config = load("[[route]]\nname = \"r\"\ncontenders = [\"sim/sim-budget\", \"gpt-9\"]\n");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("gpt-9"), std::string::npos) << config.error().message;
  EXPECT_NE(config.error().message.find("sim/sim-frontier@low"), std::string::npos);
}

TEST_F(RouteConfigTest, OneStepRepeatsUnknownTriggersAndNameClashesAreErrors) {
  EXPECT_FALSE(load("[[route]]\nname = \"r\"\ncontenders = [\"sim/sim-budget\"]\n").ok());
  EXPECT_FALSE(load("[[route]]\nname = \"r\"\ncontenders = [\"sim/sim-budget\", "
                    "\"sim/sim-budget\"]\n").ok());
  auto trigger = load("[[route]]\nname = \"r\"\ncontenders = [\"sim/sim-budget\", "
                      "\"sim/sim-frontier@low\"]\nescalate_on = [\"hidden_failed\"]\n");
  ASSERT_FALSE(trigger.ok());
  EXPECT_NE(trigger.error().message.find("hidden_failed"), std::string::npos);
  EXPECT_FALSE(load("[[route]]\nname = \"sim/sim-budget\"\ncontenders = [\"sim/sim-budget\", "
                    "\"sim/sim-frontier@low\"]\n").ok());
  EXPECT_FALSE(load("[[route]]\nname = \"r\"\ncontenders = [\"sim/sim-budget\", "
                    "\"sim/sim-frontier@low\"]\nescalate = true\n").ok());
}

}  // namespace
}  // namespace landed
