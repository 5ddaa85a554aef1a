#include "harness/campaign/config.h"

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "tests/test_support.h"

namespace landed {
namespace {

class ConfigTest : public ::testing::Test {
 protected:
  Result<CampaignConfig> load(const std::string& text) {
    const auto path = dir_ / "config.toml";
    EXPECT_TRUE(write_file(path, text).ok());
    return load_config(path);
  }
  testing::ScratchDir dir_;
};

TEST_F(ConfigTest, AGivenNameIsTheRowIdentityUnlessSeveralEffortsNeedTellingApart) {
  auto config = load(R"(
[[contender]]
name = "frontier"
runner = "sim"
model = "sim-frontier"
effort = "high"
[[contender]]
name = "pair"
runner = "sim"
model = "sim-budget"
efforts = ["low", "high"]
)");
  ASSERT_TRUE(config.ok()) << config.error().message;
  ASSERT_EQ(config->contenders.size(), 3u);
  EXPECT_EQ(config->contenders[0].id, "frontier");
  EXPECT_EQ(config->contenders[1].id, "pair@low");
  EXPECT_EQ(config->contenders[2].id, "pair@high");
}

TEST_F(ConfigTest, ACommandFileBesideTheConfigBecomesAbsolute) {
  ASSERT_TRUE(write_file(dir_ / "agent.py", "print()\n").ok());
  auto config = load(R"(
[[contender]]
runner = "command"
command = ["python3", "./agent.py", "./not-here.py", "-v"]
)");
  ASSERT_TRUE(config.ok()) << config.error().message;
  const auto& command = config->contenders[0].command;
  EXPECT_EQ(command[0], "python3");
  EXPECT_EQ(command[1], (dir_.path() / "agent.py").lexically_normal().string());
  EXPECT_EQ(command[2], "./not-here.py");
  EXPECT_EQ(command[3], "-v");
}

TEST_F(ConfigTest, ExpandsEffortsIntoOneContenderEach) {
  auto config = load(R"(
[run]
repeats = 3
[limits]
max_steps = 40
[[contender]]
runner = "command"
command = ["./agent.sh"]
model = "m1"
efforts = ["low", "high"]
env = { BASE_URL = "http://127.0.0.1:1" }
env_from = { API_KEY = "MY_SECRET" }
[contender.limits]
max_usd = 2.5
[[contender]]
runner = "noop"
)");
  ASSERT_TRUE(config.ok()) << config.error().message;
  ASSERT_EQ(config->contenders.size(), 3u);
  EXPECT_EQ(config->contenders[0].id, "command/m1@low");
  EXPECT_EQ(config->contenders[1].id, "command/m1@high");
  EXPECT_EQ(config->contenders[2].id, "noop");
  EXPECT_EQ(config->contenders[1].limits.max_steps, 40);
  EXPECT_EQ(config->contenders[1].limits.max_usd, 2.5);
  EXPECT_FALSE(config->contenders[2].limits.max_usd.has_value());
  EXPECT_EQ(config->repeats, 3);
  EXPECT_NE(config->contenders[0].fingerprint, config->contenders[1].fingerprint);
}

TEST_F(ConfigTest, UnknownKeyNamesFileAndLine) {
  auto config = load("[[contender]]\nrunner = \"noop\"\nmodle = \"x\"\n");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("config.toml:3"), std::string::npos) << config.error().message;
  EXPECT_NE(config.error().message.find("modle"), std::string::npos);
}

TEST_F(ConfigTest, UnknownRunnerIsAnError) {
  auto config = load("[[contender]]\nrunner = \"gpt-magic\"\n");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("unknown runner"), std::string::npos);
}

TEST_F(ConfigTest, DuplicateIdsAreAnError) {
  auto config = load("[[contender]]\nrunner = \"noop\"\n[[contender]]\nrunner = \"noop\"\n");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("twice"), std::string::npos);
}

TEST_F(ConfigTest, CommandRunnerNeedsACommand) {
  auto config = load("[[contender]]\nrunner = \"command\"\n");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("command"), std::string::npos);
}

TEST_F(ConfigTest, WrongTypeIsAnError) {
  auto config = load("[limits]\nmax_steps = \"ten\"\n[[contender]]\nrunner = \"noop\"\n");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("max_steps"), std::string::npos);
}

TEST_F(ConfigTest, NoContenderIsAnError) {
  EXPECT_FALSE(load("[run]\nrepeats = 1\n").ok());
}

TEST_F(ConfigTest, SecretsAreCheckedAndNeverExported) {
  auto config = load("[[contender]]\nrunner = \"noop\"\nenv_from = { KEY = \"LANDED_TEST_SECRET_X\" }\n");
  ASSERT_TRUE(config.ok()) << config.error().message;
  ::unsetenv("LANDED_TEST_SECRET_X");
  EXPECT_FALSE(check_secrets_available(*config).ok());
  ::setenv("LANDED_TEST_SECRET_X", "sk-very-secret", 1);
  EXPECT_TRUE(check_secrets_available(*config).ok());
  EXPECT_EQ(config_to_json(*config).dump().find("sk-very-secret"), std::string::npos);
  ::unsetenv("LANDED_TEST_SECRET_X");
}

TEST_F(ConfigTest, MalformedTomlNamesLine) {
  auto config = load("[[contender]\nrunner = \"noop\"\n");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("config.toml:1"), std::string::npos) << config.error().message;
}

TEST_F(ConfigTest, NegativeOrNotFiniteDollarLimitsAreRefusedNamingLineAndValue) {
  auto run_cap = load("[run]\nmax_usd = -1.0\n[[contender]]\nrunner = \"noop\"\n");
  ASSERT_FALSE(run_cap.ok());
  EXPECT_NE(run_cap.error().message.find("config.toml:2"), std::string::npos) << run_cap.error().message;
  EXPECT_NE(run_cap.error().message.find("-1"), std::string::npos) << run_cap.error().message;
  auto limit = load("[[contender]]\nrunner = \"noop\"\n[contender.limits]\nmax_usd = -0.5\n");
  ASSERT_FALSE(limit.ok());
  EXPECT_NE(limit.error().message.find("-0.5"), std::string::npos) << limit.error().message;
  for (const char* value : {"nan", "inf", "-inf"}) {
    auto bad = load(std::string("[run]\nmax_usd = ") + value + "\n[[contender]]\nrunner = \"noop\"\n");
    ASSERT_FALSE(bad.ok()) << value;
    EXPECT_NE(bad.error().message.find("finite"), std::string::npos) << bad.error().message;
  }
}

}  // namespace
}  // namespace landed
