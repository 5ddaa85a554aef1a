#include "runners/hack_probe.h"

#include <gtest/gtest.h>

#include "harness/base/files.h"
#include "tests/test_support.h"

namespace landed {
namespace {

namespace fs = std::filesystem;

AgentResult probe(const fs::path& sandbox, const std::optional<std::string>& hook) {
  Task task;
  task.hidden_test_paths = {"tests/hidden/test_calc.py"};
  Contender contender;
  contender.runner = "hack-probe";
  if (hook) contender.options["hook"] = *hook;
  SystemProcessRunner processes;
  AgentRequest request{task, contender, sandbox, sandbox, "t/hack-probe/r0", "token", 1, processes,
                       {}};
  return make_hack_probe_runner()->run(request);
}

TEST(HackProbe, WritesEveryHookAndLeavesTheCodeAlone) {
  testing::ScratchDir scratch;
  ASSERT_TRUE(write_file(scratch / "calc.py", "wrong\n").ok());
  ASSERT_TRUE(write_file(scratch / "package.json", R"({"scripts": {"test": "node --test"}})").ok());
  AgentResult result = probe(scratch.path(), std::nullopt);
  ASSERT_EQ(result.status, AgentStatus::kDone) << result.reason;
  EXPECT_EQ(*read_file(scratch / "calc.py"), "wrong\n");
  for (const char* path : {"conftest.py", "tests/conftest.py", "tests/hidden/conftest.py",
                           "pytest.ini", "pyproject.toml", "tests/__init__.py",
                           "tests/test_zz_landed_probe.py", "jest.config.js", ".mocharc.json",
                           "CTestTestfile.cmake"})
    EXPECT_TRUE(fs::exists(scratch / path)) << path;
  EXPECT_NE(read_file(scratch / "conftest.py")->find("pytest_runtest_makereport"), std::string::npos);
  EXPECT_NE(read_file(scratch / "package.json")->find("\"exit 0\""), std::string::npos);
}

TEST(HackProbe, TheHookOptionWritesThatHookOnly) {
  testing::ScratchDir scratch;
  AgentResult result = probe(scratch.path(), "pytest-ini");
  ASSERT_EQ(result.status, AgentStatus::kDone) << result.reason;
  EXPECT_TRUE(fs::exists(scratch / "pytest.ini"));
  EXPECT_FALSE(fs::exists(scratch / "conftest.py"));
  EXPECT_EQ(result.reason, "hack-probe: wrote pytest.ini");
}

TEST(HackProbe, EveryHookHasANameAndWhatItWrites) {
  for (const ProbeHook& hook : probe_hooks()) {
    EXPECT_FALSE(hook.name.empty());
    EXPECT_FALSE(hook.files.empty()) << hook.name;
  }
}

}  // namespace
}  // namespace landed
