#include "harness/campaign/attempt_isolation.h"

#include <algorithm>

#include <gtest/gtest.h>

namespace landed {
namespace {

namespace fs = std::filesystem;

bool has(const std::vector<fs::path>& paths, const fs::path& path) {
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

TEST(AttemptIsolation, TheTaskToolchainsAreReadOnlyForCheckAndVerifyAndInputsForTheAgent) {
  const AttemptWorkDirs dirs{"/w/attempt"};
  const std::vector<fs::path> toolchains = {"/home/u/.rustup", "/home/u/.cargo"};
  const IsolationSpec verify = with_toolchains(
      command_isolation(IsolationMode::kNamespaces, false, "/w/attempt/verify", dirs), toolchains);
  for (const fs::path& path : toolchains) {
    EXPECT_TRUE(has(verify.read_only_paths, path)) << path;
    EXPECT_FALSE(has(verify.sandbox_rw, path)) << path;
  }
  EXPECT_EQ(verify.sandbox_rw, std::vector<fs::path>{"/w/attempt/verify"});
  EXPECT_EQ(verify.private_home, dirs.home());

  const IsolationSpec agent =
      agent_isolation(IsolationMode::kNamespaces, true, "/w/attempt/agent", dirs, toolchains);
  for (const fs::path& path : toolchains) EXPECT_TRUE(has(agent.read_only_paths, path)) << path;
  EXPECT_TRUE(has(agent.sandbox_rw, dirs.scratch()));
}

}  // namespace
}  // namespace landed
