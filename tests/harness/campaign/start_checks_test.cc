#include "harness/campaign/start_checks.h"

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "tests/test_support.h"

namespace landed {
namespace {

class StartChecksTest : public ::testing::Test {
 protected:
  CampaignConfig load(const std::string& text) {
    const auto path = dir_ / "config.toml";
    EXPECT_TRUE(write_file(path, text).ok());
    auto config = load_config(path);
    EXPECT_TRUE(config.ok()) << config.error().message;
    return config.ok() ? *config : CampaignConfig{};
  }
  std::vector<std::string> problems(const std::string& text, std::optional<double> max_usd = {},
                                    bool allow_unpriced = false) {
    return start_problems(load(text), builtin_prices().value(), {max_usd, allow_unpriced});
  }
  testing::ScratchDir dir_;
};

TEST_F(StartChecksTest, AMissingProgramNamesTheContenderAndTheFix) {
  auto found = problems(R"(
[[contender]]
name = "ghost"
runner = "command"
command = ["/nonexistent/agent"]
[[contender]]
name = "claude"
runner = "claude-code"
model = "claude-sonnet-4-5"
command = ["no-such-claude-binary"]
)");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_NE(found[0].find("contender ghost: /nonexistent/agent is not an executable file"),
            std::string::npos) << found[0];
  EXPECT_NE(found[1].find("contender claude: cannot start 'no-such-claude-binary': not found"),
            std::string::npos) << found[1];
}

TEST_F(StartChecksTest, AnUnknownRunnerOptionSuggestsTheKnownOne) {
  auto found = problems(R"(
[[contender]]
name = "agent"
runner = "landed-agent"
model = "gpt-5"
options = { api = "openai-chat", baseurl = "http://127.0.0.1:1/v1" }
)");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("contender agent: unknown landed-agent option \"baseurl\" (did you mean "
                          "\"base_url\"?)"),
            std::string::npos) << found[0];
}

TEST_F(StartChecksTest, AnUnpricedModelUnderADollarCapIsRefusedUnlessAllowed) {
  const std::string config = R"(
[[contender]]
name = "local"
runner = "command"
command = ["/bin/true"]
model = "my-local-model"
[[contender]]
runner = "noop"
)";
  EXPECT_TRUE(problems(config).empty());  // no cap: nothing to protect
  auto found = problems(config, 5.0);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("contender local: model \"my-local-model\" has no price"),
            std::string::npos) << found[0];
  EXPECT_NE(found[0].find("--prices FILE"), std::string::npos);
  EXPECT_NE(found[0].find("--allow-unpriced"), std::string::npos);
  EXPECT_TRUE(problems(config, 5.0, /*allow_unpriced=*/true).empty());
}

TEST_F(StartChecksTest, ACapBelowOneAttemptsWorstCaseIsSaidWithTheNumbers) {
  auto found = problems(R"(
[[contender]]
name = "frontier"
runner = "sim"
model = "sim-frontier"
[contender.limits]
max_usd = 2.0
)", 0.5);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("contender frontier: one attempt may cost up to $2.0000"),
            std::string::npos) << found[0];
  EXPECT_NE(found[0].find("dollar cap of $0.5000"), std::string::npos);
}

}  // namespace
}  // namespace landed
