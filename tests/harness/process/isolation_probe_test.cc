// select_isolation with faked machines, and the status check that tells a wrapper failure from
// the command's own.
#include <gtest/gtest.h>

#include <fstream>

#include "harness/process/isolation_probe.h"
#include "harness/process/isolation_status.h"
#include "harness/process/landlock_exec.h"
#include "tests/test_support.h"

namespace landed {
namespace {

const IsolationAvailability kEverything{};
const IsolationAvailability kNoUserns{"bubblewrap failed (...): allow unprivileged user namespaces", ""};
const IsolationAvailability kNothing{"bubblewrap (bwrap) is not installed: install the package "
                                     "bubblewrap",
                                     "the kernel has no Landlock"};

TEST(SelectIsolation, AutoPicksNamespacesWhenTheyWork) {
  EXPECT_EQ(*select_isolation(IsolationMode::kAuto, kEverything), IsolationMode::kNamespaces);
}

TEST(SelectIsolation, AutoFallsToLandlockWithoutUserNamespaces) {
  EXPECT_EQ(*select_isolation(IsolationMode::kAuto, kNoUserns), IsolationMode::kLandlock);
}

TEST(SelectIsolation, AutoFallsToNoneWhenNothingWorks) {
  EXPECT_EQ(*select_isolation(IsolationMode::kAuto, kNothing), IsolationMode::kNone);
}

TEST(SelectIsolation, AskedNamespacesThatDoNotWorkIsAnErrorWithTheFix) {
  auto mode = select_isolation(IsolationMode::kNamespaces, kNothing);
  ASSERT_FALSE(mode.ok());
  EXPECT_NE(mode.error().message.find("install the package bubblewrap"), std::string::npos);
  auto userns = select_isolation(IsolationMode::kNamespaces, kNoUserns);
  ASSERT_FALSE(userns.ok());
  EXPECT_NE(userns.error().message.find("user namespaces"), std::string::npos);
}

TEST(SelectIsolation, AskedLandlockThatDoesNotWorkIsAnError) {
  auto mode = select_isolation(IsolationMode::kLandlock, kNothing);
  ASSERT_FALSE(mode.ok());
  EXPECT_NE(mode.error().message.find("Landlock"), std::string::npos);
}

TEST(SelectIsolation, NoneIsAlwaysAvailable) {
  EXPECT_EQ(*select_isolation(IsolationMode::kNone, kNothing), IsolationMode::kNone);
}

TEST(ParseIsolationMode, UnknownNamesTheChoices) {
  auto mode = parse_isolation_mode("container");
  ASSERT_FALSE(mode.ok());
  EXPECT_NE(mode.error().message.find("namespaces, landlock or none"), std::string::npos);
  EXPECT_EQ(*parse_isolation_mode("landlock"), IsolationMode::kLandlock);
}

TEST(MissingGuarantees, LandlockSaysWhatItCannotGive) {
  EXPECT_TRUE(missing_guarantees(IsolationMode::kNamespaces, true).empty());
  EXPECT_EQ(missing_guarantees(IsolationMode::kLandlock, false),
            (std::vector<std::string>{"no pid namespace", "network shared"}));
  EXPECT_FALSE(missing_guarantees(IsolationMode::kNone, false).empty());
}

TEST(IsolationOutcome, BubblewrapThatRanItsCommandIsFine) {
  EXPECT_TRUE(isolation_outcome(IsolationMode::kNamespaces,
                                "{ \"child-pid\": 5 }\n{ \"exit-code\": 1 }\n", "", false)
                  .ok());
}

TEST(IsolationOutcome, BubblewrapThatNeverRanItsCommandFailsWithItsOwnMessage) {
  testing::ScratchDir scratch;
  std::ofstream(scratch / "err") << "noise\nbwrap: Can't mount proc on /newroot/proc: EPERM\n";
  Status status = isolation_outcome(IsolationMode::kNamespaces, "{ \"child-pid\": 5 }\n",
                                    scratch / "err", false);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("Can't mount proc"), std::string::npos);
}

TEST(IsolationOutcome, AStopByLandedIsNeverAWrapperFailure) {
  EXPECT_TRUE(isolation_outcome(IsolationMode::kNamespaces, "", "", true).ok());
}

TEST(IsolationOutcome, LandlockHelperFailureCarriesTheCause) {
  Status status = isolation_outcome(IsolationMode::kLandlock,
                                    "landlock: landlock_add_rule /x failed: EINVAL\n", "", false);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("landlock_add_rule /x"), std::string::npos);
  EXPECT_TRUE(isolation_outcome(IsolationMode::kLandlock, "", "", false).ok());
}

TEST(LandlockArguments, ParsesPathsAndTheProgram) {
  auto request = parse_landlock_arguments(
      {"--ro", "/usr", "--rw", "/work/sb", "--", "/bin/sh", "sh", "-c", "true"});
  ASSERT_TRUE(request.ok()) << request.error().message;
  EXPECT_EQ(request->read_only, (std::vector<std::string>{"/usr"}));
  EXPECT_EQ(request->read_write, (std::vector<std::string>{"/work/sb"}));
  EXPECT_EQ(request->program, "/bin/sh");
  EXPECT_EQ(request->argv, (std::vector<std::string>{"sh", "-c", "true"}));
  EXPECT_FALSE(parse_landlock_arguments({"--ro", "/usr"}).ok());
  EXPECT_FALSE(parse_landlock_arguments({"--rx", "/usr", "--", "/bin/sh", "sh"}).ok());
}

}  // namespace
}  // namespace landed
