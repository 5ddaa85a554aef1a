// isolate_command: the bubblewrap and landlock command lines built from an IsolationSpec.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "harness/process/environment.h"
#include "harness/process/isolation_argv.h"
#include "tests/test_support.h"

namespace landed {
namespace {

namespace fs = std::filesystem;

const IsolationTools kTools{"/usr/bin/bwrap", "/opt/landed/build/landed"};

/// Index of the first occurrence of the triple (a, b, c) in argv, or npos.
std::size_t find_triple(const std::vector<std::string>& argv, const std::string& a,
                        const std::string& b, const std::string& c) {
  for (std::size_t i = 0; i + 2 < argv.size(); ++i)
    if (argv[i] == a && argv[i + 1] == b && argv[i + 2] == c) return i;
  return std::string::npos;
}

bool contains(const std::vector<std::string>& argv, const std::string& item) {
  return std::find(argv.begin(), argv.end(), item) != argv.end();
}

class IsolationArgvTest : public ::testing::Test {
 protected:
  IsolationArgvTest() {
    fs::create_directories(sandbox());
    fs::create_directories(home());
    fs::create_directories(tmp());
    std::ofstream(prompt()) << "fix it";
  }
  fs::path sandbox() const { return scratch_ / "work" / "sandbox"; }
  fs::path home() const { return scratch_ / "work" / "home"; }
  fs::path tmp() const { return scratch_ / "work" / "tmp"; }
  fs::path prompt() const { return scratch_ / "prompt.md"; }

  IsolationSpec spec(IsolationMode mode) const {
    IsolationSpec s;
    s.mode = mode;
    s.sandbox_rw = {sandbox()};
    s.private_home = home();
    s.private_tmp = tmp();
    s.read_only_paths = {prompt(), scratch_ / "does-not-exist"};
    return s;
  }

  IsolatedCommand wrap(const IsolationSpec& s) const {
    auto wrapped = isolate_command(
        s, {"/bin/sh", {"/bin/sh", "-c", "echo hi"}, {"PATH=/usr/bin", "HOME=/root"}, sandbox()},
        kTools);
    EXPECT_TRUE(wrapped.ok()) << wrapped.error().message;
    return wrapped.ok() ? *wrapped : IsolatedCommand{};
  }

  testing::ScratchDir scratch_;
};

TEST_F(IsolationArgvTest, NoneLeavesTheCommandAlone) {
  const IsolatedCommand c = wrap(spec(IsolationMode::kNone));
  EXPECT_EQ(c.program, "/bin/sh");
  EXPECT_EQ(c.argv, (std::vector<std::string>{"/bin/sh", "-c", "echo hi"}));
  EXPECT_EQ(environment_value(c.env, "HOME"), "/root");
}

TEST_F(IsolationArgvTest, NamespacesStartBubblewrapWithEveryNamespaceButTheNetwork) {
  const IsolatedCommand c = wrap(spec(IsolationMode::kNamespaces));
  EXPECT_EQ(c.program, "/usr/bin/bwrap");
  for (const char* flag : {"--unshare-user", "--unshare-pid", "--unshare-ipc", "--unshare-uts",
                           "--die-with-parent", "--new-session"})
    EXPECT_TRUE(contains(c.argv, flag)) << flag;
  EXPECT_FALSE(contains(c.argv, "--unshare-net"));
  EXPECT_NE(find_triple(c.argv, "--json-status-fd", "3", "--proc"), std::string::npos);
}

TEST_F(IsolationArgvTest, NetworkOffGivesAPrivateNetworkNamespace) {
  IsolationSpec s = spec(IsolationMode::kNamespaces);
  s.network = false;
  EXPECT_TRUE(contains(wrap(s).argv, "--unshare-net"));
}

TEST_F(IsolationArgvTest, NamespacesBindTheSandboxWritableAndInputsReadOnlyAtTheSamePath) {
  const IsolatedCommand c = wrap(spec(IsolationMode::kNamespaces));
  EXPECT_NE(find_triple(c.argv, "--bind", sandbox().string(), sandbox().string()), std::string::npos);
  EXPECT_NE(find_triple(c.argv, "--bind", home().string(), home().string()), std::string::npos);
  EXPECT_NE(find_triple(c.argv, "--ro-bind", prompt().string(), prompt().string()),
            std::string::npos);
  EXPECT_FALSE(contains(c.argv, (scratch_ / "does-not-exist").string()));
  // Nothing else of the scratch folder (where a suite or campaign would be) is bound.
  EXPECT_FALSE(contains(c.argv, scratch_.path().string()));
  EXPECT_NE(find_triple(c.argv, "--chdir", sandbox().string(), "--"), std::string::npos);
}

TEST_F(IsolationArgvTest, ARelativeWorkingFolderBecomesAbsoluteInsideBubblewrap) {
  const fs::path relative = fs::relative(sandbox());
  ASSERT_TRUE(relative.is_relative());
  auto c = isolate_command(spec(IsolationMode::kNamespaces),
                           {"/bin/sh", {"/bin/sh"}, {"PATH=/usr/bin"}, relative}, kTools);
  ASSERT_TRUE(c.ok()) << c.error().message;
  EXPECT_NE(find_triple(c->argv, "--chdir", sandbox().string(), "--"), std::string::npos);
}

TEST_F(IsolationArgvTest, NamespacesMountTmpBeforeBindingFoldersThatMayLieUnderIt) {
  const IsolatedCommand c = wrap(spec(IsolationMode::kNamespaces));
  const auto at = [&](const std::string& item) {
    return std::find(c.argv.begin(), c.argv.end(), item) - c.argv.begin();
  };
  EXPECT_LT(at("--tmpfs"), at(sandbox().string()));
  EXPECT_LT(at("/usr"), at(sandbox().string()));
}

TEST_F(IsolationArgvTest, TheResolvedCommandComesLastWithItsArguments) {
  const IsolatedCommand c = wrap(spec(IsolationMode::kNamespaces));
  ASSERT_GE(c.argv.size(), 4u);
  EXPECT_EQ(c.argv[c.argv.size() - 4], "--");
  EXPECT_EQ(c.argv[c.argv.size() - 3], fs::canonical("/bin/sh").string());
  EXPECT_EQ(c.argv[c.argv.size() - 2], "-c");
  EXPECT_EQ(c.argv.back(), "echo hi");
}

TEST_F(IsolationArgvTest, HomeOutsideTheSandboxIsReplacedByThePrivateHome) {
  const IsolatedCommand c = wrap(spec(IsolationMode::kNamespaces));
  EXPECT_EQ(environment_value(c.env, "HOME"), home().string());
  EXPECT_EQ(environment_value(c.env, "TMPDIR"), tmp().string());
}

TEST_F(IsolationArgvTest, HomeTheRunnerPutInAWritableFolderIsKept) {
  IsolationSpec s = spec(IsolationMode::kNamespaces);
  const std::string tool_home = (sandbox() / "tool-home").string();
  auto c = isolate_command(s, {"/bin/sh", {"/bin/sh"}, {"HOME=" + tool_home}, sandbox()}, kTools);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(environment_value(c->env, "HOME"), tool_home);
}

TEST_F(IsolationArgvTest, LandlockStartsLandedsHelperWithReadOnlyAndWritablePaths) {
  const IsolatedCommand c = wrap(spec(IsolationMode::kLandlock));
  EXPECT_EQ(c.program, kTools.landed_exe);
  EXPECT_EQ(c.argv[1], "__exec-landlocked");
  EXPECT_TRUE(contains(c.argv, "/usr"));
  const auto at = [&](const std::string& item) {
    return std::find(c.argv.begin(), c.argv.end(), item) - c.argv.begin();
  };
  EXPECT_EQ(c.argv[at(sandbox().string()) - 1], "--rw");
  EXPECT_EQ(c.argv[at(prompt().string()) - 1], "--ro");
  // After "--": the program to exec, then its whole argv, argv[0] included.
  const std::size_t dashes = at("--");
  EXPECT_EQ(c.argv[dashes + 2], "/bin/sh");
  EXPECT_EQ(c.argv.back(), "echo hi");
}

TEST_F(IsolationArgvTest, MissingBubblewrapIsAnErrorNamingThePackage) {
  auto c = isolate_command(spec(IsolationMode::kNamespaces),
                           {"/bin/sh", {"/bin/sh"}, {}, sandbox()}, IsolationTools{"", "/x"});
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().message.find("bubblewrap"), std::string::npos);
}

TEST(ToolInstallPath, NpmCliIsItsNodeModulesFolder) {
  EXPECT_EQ(tool_install_path("/x/agent-clis/node_modules/@a/cli/cli.js", "/b/landed"),
            fs::path("/x/agent-clis/node_modules"));
}

TEST(ToolInstallPath, LandedsOwnProgramsAreItsBuildFolder) {
  EXPECT_EQ(tool_install_path("/b/landed-agent", "/b/landed"), fs::path("/b"));
}

TEST(ToolInstallPath, AnyOtherProgramIsTheFileAlone) {
  EXPECT_EQ(tool_install_path("/home/u/suite/agent.sh", "/b/landed"),
            fs::path("/home/u/suite/agent.sh"));
}

}  // namespace
}  // namespace landed
