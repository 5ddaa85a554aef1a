// The real thing: run_process under bubblewrap (skipped, with the reason, where it cannot run).
// The landlock mode needs the landed binary's helper: tests/e2e/test_hostile.py runs it.
#include <gtest/gtest.h>

#include <fstream>

#include "harness/process/isolation_probe.h"
#include "tests/harness/process/process_test_support.h"

namespace landed {
namespace {

namespace fs = std::filesystem;

class NamespacesRunTest : public testing::ProcessTest {
 protected:
  void SetUp() override {
    const std::string& problem = probe_isolation().namespaces_problem;
    if (!problem.empty()) GTEST_SKIP() << "namespaces unavailable: " << problem;
    fs::create_directories(scratch_ / "sandbox");
    fs::create_directories(scratch_ / "home");
    fs::create_directories(scratch_ / "tmp");
    std::ofstream(scratch_ / "secret.txt") << "HIDDEN-MARKER";
  }

  ProcessSpec isolated(const std::string& script) const {
    ProcessSpec spec = shell(script);
    spec.cwd = scratch_ / "sandbox";
    spec.isolation.mode = IsolationMode::kNamespaces;
    spec.isolation.sandbox_rw = {scratch_ / "sandbox"};
    spec.isolation.private_home = scratch_ / "home";
    spec.isolation.private_tmp = scratch_ / "tmp";
    return spec;
  }
};

TEST_F(NamespacesRunTest, TheSandboxIsWritableAndNothingBesideItIsVisible) {
  const ProcessResult r = run_ok(isolated(
      "echo made > made.txt; cat ../secret.txt; ls ..; echo x > /tmp/outside; echo $HOME"));
  EXPECT_EQ(r.exit_code, 0) << err();
  EXPECT_EQ(testing::read_text(scratch_ / "sandbox" / "made.txt"), "made\n");
  EXPECT_EQ(out().find("HIDDEN-MARKER"), std::string::npos);
  EXPECT_NE(out().find((scratch_ / "home").string()), std::string::npos);
  EXPECT_FALSE(fs::exists("/tmp/outside") && testing::read_text("/tmp/outside") == "x\n");
}

TEST_F(NamespacesRunTest, AnEscapedDescendantDiesWithTheCommand) {
  const std::string marker = testing::unique_token("escape");
  ProcessSpec spec = isolated("setsid env -i MARK=" + marker + " sh -c 'sleep 30' & sleep 0.2");
  const ProcessResult r = run_ok(spec);
  EXPECT_EQ(r.exit_code, 0) << err();
  EXPECT_TRUE(testing::processes_with_environment_entry("MARK=" + marker).empty());
}

TEST_F(NamespacesRunTest, ExitCodesPassThrough) {
  EXPECT_EQ(run_ok(isolated("exit 7")).exit_code, 7);
}

TEST_F(NamespacesRunTest, AWrapperThatCannotStartIsAnErrorWithBubblewrapsMessage) {
  ProcessSpec spec = isolated("true");
  // The working directory is not bound inside, so bubblewrap cannot chdir there.
  spec.isolation.sandbox_rw = {};
  auto result = run_process(spec);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("isolation \"namespaces\" failed"), std::string::npos)
      << result.error().message;
  EXPECT_NE(result.error().message.find("bwrap:"), std::string::npos) << result.error().message;
}

}  // namespace
}  // namespace landed
