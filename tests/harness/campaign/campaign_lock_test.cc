#include "harness/campaign/campaign_lock.h"

#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "tests/test_support.h"

namespace landed {
namespace {

using ::testing::HasSubstr;

TEST(CampaignLock, ASecondWriterIsRefusedNamingTheHoldersPid) {
  testing::ScratchDir scratch;
  auto first = CampaignLock::acquire(scratch / "out");
  ASSERT_TRUE(first.ok()) << first.error().message;
  auto second = CampaignLock::acquire(scratch / "out");
  ASSERT_FALSE(second.ok());
  EXPECT_THAT(second.error().message, HasSubstr("pid " + std::to_string(::getpid())));
}

TEST(CampaignLock, TheLockIsFreeAgainOnceItsHolderIsGone) {
  testing::ScratchDir scratch;
  { auto first = CampaignLock::acquire(scratch / "out"); ASSERT_TRUE(first.ok()); }
  EXPECT_TRUE(CampaignLock::acquire(scratch / "out").ok());
}

TEST(CampaignFolder, AFolderOfTheUsersFilesIsRefusedNamingOne) {
  testing::ScratchDir scratch;
  ASSERT_TRUE(make_directories(scratch / "mine").ok());
  ASSERT_TRUE(write_file(scratch / "mine" / "notes.txt", "mine\n").ok());
  Status checked = check_campaign_folder(scratch / "mine");
  ASSERT_FALSE(checked.ok());
  EXPECT_THAT(checked.error().message, HasSubstr("notes.txt"));
}

TEST(CampaignFolder, AbsentEmptyAndLandedFoldersAreFine) {
  testing::ScratchDir scratch;
  EXPECT_TRUE(check_campaign_folder(scratch / "new").ok());
  ASSERT_TRUE(make_directories(scratch / "empty").ok());
  EXPECT_TRUE(check_campaign_folder(scratch / "empty").ok());
  ASSERT_TRUE(CampaignLock::acquire(scratch / "ours").ok());  // writes the marker
  ASSERT_TRUE(write_file(scratch / "ours" / "records.jsonl", "").ok());
  EXPECT_TRUE(check_campaign_folder(scratch / "ours").ok());
}

}  // namespace
}  // namespace landed
