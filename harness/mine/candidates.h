// Which commits of a history become candidate tasks: those that change test files and other
// files together (a fix and its test). A commit that deletes a file is skipped with that reason:
// a task's solution/ is laid over the base, so it cannot express a deletion.
#pragma once

#include <string>
#include <vector>

#include "harness/mine/commit_history.h"

namespace landed {

struct MineCandidate {
  HistoryCommit commit;
  std::string task_id;                 ///< "<short sha>-<summary slug>"
  std::vector<std::string> tests;      ///< the commit's test files: the hidden tests
  std::vector<std::string> solution;   ///< its other changed files: the reference solution
};

struct SkippedCommit {
  std::string sha;
  std::string summary;
  std::string reason;
};

struct CandidateSelection {
  std::vector<MineCandidate> candidates;
  std::vector<SkippedCommit> skipped;  ///< commits that change tests and code but cannot be tasks
  std::size_t without_tests_and_code = 0;  ///< commits that change only one kind of file
};

CandidateSelection select_candidates(const std::vector<HistoryCommit>& commits,
                                     const std::vector<std::string>& test_globs);

/// A folder-name-safe slug of a commit: "<8 hex>-<up to 40 characters of the summary>".
std::string mined_task_id(const HistoryCommit& commit);

}  // namespace landed
