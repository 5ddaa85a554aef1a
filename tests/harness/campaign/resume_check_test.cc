#include "harness/campaign/resume_check.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace landed {
namespace {

using ::testing::HasSubstr;

CampaignConfig config_with(const std::vector<std::string>& command) {
  CampaignConfig config;
  Contender c;
  c.id = "agent";
  c.runner = "command";
  c.command = command;
  c.fingerprint = contender_fingerprint(c);
  config.contenders.push_back(c);
  return config;
}

Record recorded_by(const Contender& c) {
  Record r;
  r.contender.id = c.id;
  r.contender.fingerprint = c.fingerprint;
  return r;
}

TEST(ResumeCheck, TheSameDefinitionResumes) {
  const CampaignConfig config = config_with({"./agent.sh"});
  EXPECT_TRUE(check_resume_contenders({recorded_by(config.contenders[0])},
                                      config_to_json(config), config).ok());
}

TEST(ResumeCheck, AChangedCommandIsRefusedNamingContenderAndField) {
  const CampaignConfig before = config_with({"./agent.sh"});
  const CampaignConfig after = config_with({"./agent-v2.sh"});
  Status checked = check_resume_contenders({recorded_by(before.contenders[0])},
                                           config_to_json(before), after);
  ASSERT_FALSE(checked.ok());
  EXPECT_THAT(checked.error().message, HasSubstr("contender agent"));
  EXPECT_THAT(checked.error().message, HasSubstr("command"));
}

TEST(ResumeCheck, WithoutStoredMetadataTheFingerprintIsNamed) {
  const CampaignConfig before = config_with({"./agent.sh"});
  const CampaignConfig after = config_with({"./agent-v2.sh"});
  Status checked = check_resume_contenders({recorded_by(before.contenders[0])}, nullptr, after);
  ASSERT_FALSE(checked.ok());
  EXPECT_THAT(checked.error().message, HasSubstr("fingerprint"));
}

}  // namespace
}  // namespace landed
