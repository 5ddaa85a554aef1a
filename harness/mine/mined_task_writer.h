// Writes a mined candidate as a task folder of the task format (design.md): task.toml with
// `[repo] url/rev` at the fix's parent and the verify command, prompt.md, tests/ (the commit's
// test files) and solution/ (its other changed files), contents as of the fixing commit.
#pragma once

#include <filesystem>
#include <string>

#include "harness/base/error.h"
#include "harness/mine/candidates.h"
#include "harness/mine/commit_history.h"

namespace landed {

struct MinedTaskSpec {
  std::string repo_url;   ///< absolute path (or URL) of the repository
  std::string verify;     ///< the verify command, `{tests}` already expanded
  int verify_timeout_s = 300;
  std::string prompt;     ///< never blank
};

Status write_mined_task(const std::filesystem::path& dir, const MineCandidate& candidate,
                        const GitHistory& history, const MinedTaskSpec& spec);

}  // namespace landed
