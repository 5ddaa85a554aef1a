// `landed tasks mine`: from a repository's history to a suite of validated tasks. Candidates
// (candidates.h) are written as tasks into a staging folder, validated as `landed validate`
// does (noop must fail, oracle must pass, every repeat), and only the sound ones move into the
// suite; every other commit is reported with why it was dropped.
#pragma once

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "harness/mine/commit_history.h"

namespace landed {

struct MineOptions {
  std::filesystem::path repo;              ///< the repository to mine (a local path)
  std::filesystem::path out;               ///< the suite folder to write
  HistoryRange range;
  std::vector<std::string> test_globs;     ///< empty: default_test_globs()
  std::optional<std::string> verify;       ///< "CMD {tests}"; empty: detected
  std::map<std::string, std::string> prompts;  ///< commit sha (or prefix) -> issue text
  int repeats = 1;
  int jobs = 1;
  int verify_timeout_s = 300;
  std::filesystem::path cache_dir;
};

struct MinedCommitResult {
  std::string sha;
  std::string task_id;
  std::string summary;
  bool kept = false;
  std::string reason;  ///< why it was dropped; empty when kept
};

struct MineReport {
  std::size_t considered = 0;   ///< commits in the range
  std::size_t candidates = 0;   ///< commits that change tests and code (validated)
  std::vector<MinedCommitResult> results;  ///< candidates and skipped commits, newest first
  double scan_s = 0;            ///< reading the history and writing candidates
  double validate_s = 0;        ///< validating them
};

/// Mines `options.repo` into `options.out`. An Error (exit 2) when the repository cannot be
/// read or the suite folder cannot be written.
Result<MineReport> mine_tasks(const MineOptions& options);

/// Reads a --prompt-from file: a JSON object whose keys are commit shas (or prefixes) and whose
/// values are the issue texts to use as prompts.
Result<std::map<std::string, std::string>> read_prompts(const std::filesystem::path& path);

}  // namespace landed
