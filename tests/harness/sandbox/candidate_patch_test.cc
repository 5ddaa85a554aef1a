#include "harness/sandbox/candidate_patch.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/sandbox/apply_patch.h"
#include "harness/sandbox/working_copy.h"
#include "tests/harness/sandbox/sandbox_test_support.h"
#include "tests/test_support.h"

namespace landed {
namespace {

using ::testing::ElementsAre;
using testing::git_in;
using testing::put;
using testing::snapshot;

const std::string kBinary("\x00\x01\x02\xff binary\x00\n\x00", 13);

class CandidatePatchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    put(workspace_ / ".gitignore", "build/\n*.log\n");
    put(workspace_ / ".gitattributes", "* text=auto\n");
    put(workspace_ / "a.txt", "one\ntwo\nthree\n");
    put(workspace_ / "dir" / "b.txt", "bee\n");
    put(workspace_ / "old.txt", "to be renamed\n");
    put(workspace_ / "gone.txt", "to be deleted\n");
    put(workspace_ / "bin.dat", kBinary);
    put(workspace_ / "script.sh", "#!/bin/sh\n");
    put(workspace_ / "crlf.txt", "windows\r\nline\r\n");
    auto made = cache_.from_workspace("task", workspace_);
    ASSERT_TRUE(made.ok()) << made.error().message;
    base_ = *made;
    auto sandbox = make_agent_sandbox(base_, scratch_ / "attempt");
    ASSERT_TRUE(sandbox.ok()) << sandbox.error().message;
    sandbox_ = *sandbox;
  }

  std::filesystem::path root() const { return sandbox_.root; }

  CandidatePatch diff() {
    auto patch = diff_against_base(sandbox_, base_);
    EXPECT_TRUE(patch.ok()) << patch.error().message;
    return patch.ok() ? *patch : CandidatePatch{};
  }

  // The base plus the patch must be the agent's tree, minus what .gitignore hides.
  void expect_patch_reproduces_agent_tree(const CandidatePatch& patch,
                                          const std::vector<std::string>& ignored = {}) {
    const auto dir = scratch_ / "verify";
    auto patched = make_patched_checkout(base_, patch, dir);
    ASSERT_TRUE(patched.ok()) << patched.error().message << "\n" << patch.text;
    auto expected = snapshot(root());
    for (const std::string& path : ignored) EXPECT_EQ(expected.erase(path), 1u) << path;
    EXPECT_EQ(snapshot(dir), expected) << patch.text;
    EXPECT_FALSE(std::filesystem::exists(dir / ".git"));
  }

  testing::ScratchDir scratch_;
  std::filesystem::path workspace_ = scratch_ / "workspace";
  BaseCache cache_{scratch_ / "cache"};
  BaseCommit base_;
  AgentSandbox sandbox_;
};

TEST_F(CandidatePatchTest, UntouchedSandboxGivesEmptyPatch) {
  CandidatePatch patch = diff();
  EXPECT_EQ(patch.text, "");
  EXPECT_EQ(patch.files_changed, 0);
  EXPECT_TRUE(patch.paths.empty());
  expect_patch_reproduces_agent_tree(patch);
}

TEST_F(CandidatePatchTest, ModifiedFileIsInThePatch) {
  put(root() / "a.txt", "one\n2\nthree\n");
  CandidatePatch patch = diff();
  EXPECT_EQ(patch.files_changed, 1);
  EXPECT_THAT(patch.paths, ElementsAre("a.txt"));
  EXPECT_NE(patch.text.find("+2\n"), std::string::npos) << patch.text;
  expect_patch_reproduces_agent_tree(patch);
}

TEST_F(CandidatePatchTest, NewFileAndUntrackedNestedFolderAreInThePatch) {
  put(root() / "new.txt", "new\n");
  put(root() / "pkg" / "sub" / "deeper" / "x.cc", "x\n");
  put(root() / "pkg" / "y.cc", "y\n");
  CandidatePatch patch = diff();
  EXPECT_THAT(patch.paths, ElementsAre("new.txt", "pkg/sub/deeper/x.cc", "pkg/y.cc"));
  EXPECT_EQ(patch.files_changed, 3);
  expect_patch_reproduces_agent_tree(patch);
}

TEST_F(CandidatePatchTest, DeletedFileIsInThePatch) {
  std::filesystem::remove(root() / "gone.txt");
  CandidatePatch patch = diff();
  EXPECT_THAT(patch.paths, ElementsAre("gone.txt"));
  EXPECT_NE(patch.text.find("deleted file mode"), std::string::npos) << patch.text;
  expect_patch_reproduces_agent_tree(patch);
}

TEST_F(CandidatePatchTest, RenamedFileNamesBothPaths) {
  std::filesystem::rename(root() / "old.txt", root() / "dir" / "new-name.txt");
  CandidatePatch patch = diff();
  EXPECT_THAT(patch.paths, ElementsAre("dir/new-name.txt", "old.txt"));
  expect_patch_reproduces_agent_tree(patch);
}

TEST_F(CandidatePatchTest, BinaryFilesChangedAndAddedApplyExactly) {
  put(root() / "bin.dat", kBinary + std::string("\x00more\x00", 6));
  put(root() / "assets" / "new.bin", std::string("\x00\x00\x7f\x80\xfe", 5));
  CandidatePatch patch = diff();
  EXPECT_THAT(patch.paths, ElementsAre("assets/new.bin", "bin.dat"));
  EXPECT_NE(patch.text.find("GIT binary patch"), std::string::npos) << patch.text;
  expect_patch_reproduces_agent_tree(patch);
}

TEST_F(CandidatePatchTest, ExecBitChangeIsInThePatch) {
  std::filesystem::permissions(root() / "script.sh", std::filesystem::perms(0755));
  CandidatePatch patch = diff();
  EXPECT_THAT(patch.paths, ElementsAre("script.sh"));
  EXPECT_NE(patch.text.find("new mode 100755"), std::string::npos) << patch.text;
  expect_patch_reproduces_agent_tree(patch);
}

TEST_F(CandidatePatchTest, AddedSymlinkAndFileTurnedSymlinkAreInThePatch) {
  testing::put_symlink("a.txt", root() / "link-to-a");
  std::filesystem::remove(root() / "dir" / "b.txt");
  testing::put_symlink("../a.txt", root() / "dir" / "b.txt");
  CandidatePatch patch = diff();
  EXPECT_THAT(patch.paths, ElementsAre("dir/b.txt", "link-to-a"));
  EXPECT_NE(patch.text.find("new file mode 120000"), std::string::npos) << patch.text;
  expect_patch_reproduces_agent_tree(patch);
}

TEST_F(CandidatePatchTest, IgnoredFilesAreLeftOut) {
  put(root() / "build" / "out.o", "object");
  put(root() / "debug.log", "log");
  put(root() / "kept.txt", "kept\n");
  CandidatePatch patch = diff();
  EXPECT_THAT(patch.paths, ElementsAre("kept.txt"));
  expect_patch_reproduces_agent_tree(patch, {"build/out.o", "debug.log"});
}

TEST_F(CandidatePatchTest, EveryKindOfChangeAtOnceReproducesTheAgentTree) {
  put(root() / "a.txt", "changed\n");
  std::filesystem::remove(root() / "gone.txt");
  std::filesystem::rename(root() / "old.txt", root() / "renamed.txt");
  put(root() / "bin.dat", std::string("\x00swapped", 8));
  std::filesystem::permissions(root() / "script.sh", std::filesystem::perms(0755));
  testing::put_symlink("dir", root() / "dir-link");
  put(root() / "tool" / "go.sh", "#!/bin/sh\n", /*exec=*/true);
  put(root() / "no-newline.txt", "tail");
  CandidatePatch patch = diff();
  EXPECT_EQ(patch.files_changed, 9);
  expect_patch_reproduces_agent_tree(patch);
}

TEST_F(CandidatePatchTest, AgentDeletingItsGitDirDoesNotChangeThePatch) {
  put(root() / "a.txt", "edited\n");
  const CandidatePatch before = diff();
  std::filesystem::remove_all(root() / ".git");
  const CandidatePatch after = diff();
  EXPECT_EQ(after.text, before.text);
  EXPECT_EQ(after.paths, std::vector<std::string>{"a.txt"});
}

TEST_F(CandidatePatchTest, AgentCommittingEverythingStillGivesThePatchAgainstTheBase) {
  put(root() / "a.txt", "edited\n");
  put(root() / "fresh.txt", "fresh\n");
  ASSERT_EQ(git_in(root(), "add -A").status, 0);
  ASSERT_EQ(git_in(root(), "commit -qm agent").status, 0);
  CandidatePatch patch = diff();
  EXPECT_THAT(patch.paths, ElementsAre("a.txt", "fresh.txt"));
  expect_patch_reproduces_agent_tree(patch);
}

TEST_F(CandidatePatchTest, AgentResettingHardToAnotherCommitGivesTheTreeItLeft) {
  put(root() / "a.txt", "committed\n");
  ASSERT_EQ(git_in(root(), "commit -qam one").status, 0);
  put(root() / "dir" / "b.txt", "committed too\n");
  ASSERT_EQ(git_in(root(), "commit -qam two").status, 0);
  ASSERT_EQ(git_in(root(), "reset -q --hard HEAD~1").status, 0);
  CandidatePatch patch = diff();
  EXPECT_THAT(patch.paths, ElementsAre("a.txt"));
  expect_patch_reproduces_agent_tree(patch);
}

TEST_F(CandidatePatchTest, NestedRepositoryTheAgentCreatedIsLeftOutLikeGitDoes) {
  put(root() / "vendor" / "lib" / "lib.cc", "vendored\n");
  ASSERT_EQ(git_in(root() / "vendor" / "lib", "init -q").status, 0);
  put(root() / "a.txt", "edited\n");
  CandidatePatch patch = diff();
  EXPECT_THAT(patch.paths, ElementsAre("a.txt"));
  EXPECT_EQ(patch.files_changed, 1);
  auto patched = make_patched_checkout(base_, patch, scratch_ / "verify");
  ASSERT_TRUE(patched.ok()) << patched.error().message << "\n" << patch.text;
  EXPECT_EQ(*read_file(scratch_ / "verify" / "a.txt"), "edited\n");
}

TEST_F(CandidatePatchTest, TextAttributesNeverTurnUntouchedCrlfFilesIntoChanges) {
  // .gitattributes says text=auto and crlf.txt was committed with CRLF: real git would report it.
  CandidatePatch patch = diff();
  EXPECT_EQ(patch.files_changed, 0) << patch.text;
  EXPECT_EQ(*read_file(root() / "crlf.txt"), "windows\r\nline\r\n");
}

TEST_F(CandidatePatchTest, PatchThatDoesNotApplyIsAnErrorNamingGitApply) {
  CandidatePatch bogus;
  bogus.text =
      "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -1,1 +1,1 @@\n-nope\n+yes\n";
  auto patched = make_patched_checkout(base_, bogus, scratch_ / "verify");
  ASSERT_FALSE(patched.ok());
  EXPECT_NE(patched.error().message.find("git_apply"), std::string::npos)
      << patched.error().message;
}


// The verify sandbox keeps guarded paths (hidden tests, [verify] protect) as in the base.
class GuardedCheckoutTest : public CandidatePatchTest {
 protected:
  std::map<std::string, std::string> verify_tree(const std::vector<std::string>& kept) {
    CandidatePatch patch = diff();
    auto keep = [&](std::string_view path) {
      return std::find(kept.begin(), kept.end(), std::string(path)) != kept.end();
    };
    auto patched = make_patched_checkout(base_, patch, scratch_ / "verify", keep);
    EXPECT_TRUE(patched.ok()) << (patched.ok() ? "" : patched.error().message) << "\n"
                              << patch.text;
    return snapshot(scratch_ / "verify");
  }
};

TEST_F(GuardedCheckoutTest, AnAddedProtectedFileIsLeftOut) {
  put(root() / "conftest.py", "def pytest_runtest_makereport(): pass\n");
  put(root() / "fix.py", "ok\n");
  auto tree = verify_tree({"conftest.py"});
  EXPECT_EQ(tree.count("conftest.py"), 0u);
  EXPECT_EQ(tree["fix.py"], "file:ok\n");
}

TEST_F(GuardedCheckoutTest, ADeletedProtectedFileIsRestoredAndAModifiedOneUnchanged) {
  std::filesystem::remove(root() / "gone.txt");
  put(root() / "dir" / "b.txt", "hacked\n");
  put(root() / "a.txt", "edited\n");
  auto tree = verify_tree({"gone.txt", "dir/b.txt"});
  EXPECT_EQ(tree["gone.txt"], "file:to be deleted\n");
  EXPECT_EQ(tree["dir/b.txt"], "file:bee\n");
  EXPECT_EQ(tree["a.txt"], "file:edited\n");
}

TEST_F(GuardedCheckoutTest, AFolderReplacedByASymlinkStaysAFolder) {
  ASSERT_TRUE(remove_tree(root() / "dir").ok());
  std::filesystem::create_symlink("/nonexistent", root() / "dir");
  auto tree = verify_tree({"dir", "dir/b.txt"});
  EXPECT_FALSE(std::filesystem::is_symlink(scratch_ / "verify" / "dir"));
  EXPECT_EQ(tree["dir/b.txt"], "file:bee\n");
}

}  // namespace
}  // namespace landed
