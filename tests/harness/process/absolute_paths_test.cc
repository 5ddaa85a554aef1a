#include "harness/process/absolute_paths.h"

#include <gtest/gtest.h>

#include "harness/process/process.h"

namespace landed {
namespace {

TEST(AbsolutePaths, PathVariablesLandedMadeMustBeAbsolute) {
  EXPECT_TRUE(check_path_variables({"LANDED_PROMPT_FILE=/tmp/x/prompt.md", "HOME=/tmp/h",
                                    "LANDED_MODEL=m", "FLAG=relative"})
                  .ok());
  Status relative = check_path_variables({"LANDED_PROMPT_FILE=campaigns/night1/prompt.md"});
  ASSERT_FALSE(relative.ok());
  EXPECT_EQ(relative.error().message,
            "LANDED_PROMPT_FILE handed to a child is relative: campaigns/night1/prompt.md");
  EXPECT_FALSE(check_path_variables({"CODEX_HOME=scratch/codex"}).ok());
  EXPECT_FALSE(check_path_variables({"TMPDIR=tmp"}).ok());
}

TEST(AbsolutePaths, ASpawnWithARelativeWorkingDirectoryIsRefused) {
  ProcessSpec spec;
  spec.argv = {"/bin/true"};
  spec.cwd = "relative/dir";
  auto result = run_process(spec);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.error().message.find("working directory handed to a child is relative"),
            std::string::npos);
  spec.cwd.clear();
  spec.stdout_path = "out.log";
  EXPECT_FALSE(run_process(spec).ok());
}

}  // namespace
}  // namespace landed
