// overlay_tree copies hidden tests and reference solutions onto trees an agent shaped: links are
// copied as links, and nothing is ever written outside the target (issue 13, items 1 and 2).
#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "tests/harness/sandbox/sandbox_test_support.h"
#include "tests/test_support.h"

namespace landed {
namespace {

namespace fs = std::filesystem;
using testing::put;
using testing::snapshot;

class OverlayTreeTest : public ::testing::Test {
 protected:
  testing::ScratchDir scratch_;
  fs::path from_ = scratch_ / "tests";
  fs::path to_ = scratch_ / "sandbox";
  fs::path outside_ = scratch_ / "outside";
  void SetUp() override {
    put(outside_ / "victim.txt", "mine\n");
    fs::create_directories(to_);
  }
};

TEST_F(OverlayTreeTest, ASymlinkPointingOutsideIsCopiedAsALinkAndTheOutsideFileIsUntouched) {
  put(from_ / "hidden" / "t.py", "test\n");
  fs::create_symlink(outside_ / "victim.txt", from_ / "hidden" / "victim.txt");
  Status done = overlay_tree(from_, to_);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(*read_file(outside_ / "victim.txt"), "mine\n");
  EXPECT_EQ(fs::read_symlink(to_ / "hidden" / "victim.txt"), outside_ / "victim.txt");
  EXPECT_EQ(snapshot(outside_).size(), 1u);
}

TEST_F(OverlayTreeTest, ARelativeLinkIsRecreatedWithItsOwnText) {
  put(from_ / "hidden" / "data.txt", "data\n");
  fs::create_symlink("data.txt", from_ / "hidden" / "alias.txt");
  ASSERT_TRUE(overlay_tree(from_, to_).ok());
  EXPECT_EQ(fs::read_symlink(to_ / "hidden" / "alias.txt"), "data.txt");
  EXPECT_EQ(*read_file(to_ / "hidden" / "alias.txt"), "data\n");
}

TEST_F(OverlayTreeTest, AFolderReplacedByASymlinkToAFolderOutsideGetsNothingWrittenOutside) {
  put(from_ / "tests" / "hidden" / "t.py", "hidden test\n");
  fs::create_directories(to_ / "tests");
  fs::create_symlink(outside_, to_ / "tests" / "hidden");
  ASSERT_TRUE(overlay_tree(from_, to_).ok());
  EXPECT_EQ(snapshot(outside_), (std::map<std::string, std::string>{{"victim.txt", "file:mine\n"}}));
  EXPECT_FALSE(fs::is_symlink(to_ / "tests" / "hidden"));
  EXPECT_EQ(*read_file(to_ / "tests" / "hidden" / "t.py"), "hidden test\n");
}

TEST_F(OverlayTreeTest, AParentFolderReplacedByASymlinkIsMadeARealFolder) {
  put(from_ / "a" / "b" / "c.txt", "c\n");
  fs::create_symlink(outside_, to_ / "a");
  ASSERT_TRUE(overlay_tree(from_, to_).ok());
  EXPECT_EQ(snapshot(outside_).size(), 1u);
  EXPECT_EQ(*read_file(to_ / "a" / "b" / "c.txt"), "c\n");
}

TEST_F(OverlayTreeTest, DanglingLinksFilesAndFoldersInTheWayGiveWay) {
  put(from_ / "hidden" / "t.py", "t\n");
  put(from_ / "over" / "file", "new\n");
  put(from_ / "link-at-file", "plain\n");
  fs::create_symlink("/nonexistent/anywhere", to_ / "hidden");
  put(to_ / "over" / "file" / "deep" / "x", "agent's folder\n");
  fs::create_symlink(outside_ / "victim.txt", to_ / "link-at-file");
  Status done = overlay_tree(from_, to_);
  ASSERT_TRUE(done.ok()) << done.error().message;
  EXPECT_EQ(*read_file(to_ / "hidden" / "t.py"), "t\n");
  EXPECT_EQ(*read_file(to_ / "over" / "file"), "new\n");
  EXPECT_FALSE(fs::is_symlink(to_ / "link-at-file"));
  EXPECT_EQ(*read_file(outside_ / "victim.txt"), "mine\n");
}

TEST_F(OverlayTreeTest, KeepsTheExecutableBit) {
  put(from_ / "run.sh", "#!/bin/sh\n", /*exec=*/true);
  put(to_ / "run.sh", "old\n");
  ASSERT_TRUE(overlay_tree(from_, to_).ok());
  EXPECT_EQ(snapshot(to_)["run.sh"], "exec:#!/bin/sh\n");
}

TEST(ListFiles, NamesASymlinkByItsOwnPathNotItsTarget) {
  testing::ScratchDir scratch;
  put(scratch / "elsewhere" / "x.txt", "x\n");
  put(scratch / "root" / "a.txt", "a\n");
  fs::create_symlink(scratch / "elsewhere" / "x.txt", scratch / "root" / "link.txt");
  auto files = list_files(scratch / "root");
  ASSERT_TRUE(files.ok());
  EXPECT_EQ(*files, (std::vector<std::string>{"a.txt", "link.txt"}));
}

}  // namespace
}  // namespace landed
