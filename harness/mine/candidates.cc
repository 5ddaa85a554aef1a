#include "harness/mine/candidates.h"

#include <cctype>

#include "harness/mine/test_paths.h"

namespace landed {

std::string mined_task_id(const HistoryCommit& commit) {
  std::string slug;
  for (char c : commit.summary) {
    if (slug.size() >= 40) break;
    const bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
    if (alnum) slug += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  const std::string id = commit.sha.substr(0, 8);
  return slug.empty() ? id : id + "-" + slug;
}

CandidateSelection select_candidates(const std::vector<HistoryCommit>& commits,
                                     const std::vector<std::string>& test_globs) {
  CandidateSelection out;
  for (const HistoryCommit& commit : commits) {
    MineCandidate candidate{commit, mined_task_id(commit), {}, {}};
    std::string deleted;
    for (const ChangedFile& file : commit.files) {
      if (file.change == FileChange::kDeleted && deleted.empty()) deleted = file.path;
      (is_test_path(file.path, test_globs) ? candidate.tests : candidate.solution)
          .push_back(file.path);
    }
    if (candidate.tests.empty() || candidate.solution.empty()) {
      ++out.without_tests_and_code;
    } else if (commit.parent_sha.empty()) {
      out.skipped.push_back({commit.sha, commit.summary, "a root commit has no parent to start from"});
    } else if (!deleted.empty()) {
      out.skipped.push_back({commit.sha, commit.summary,
                             "deletes " + deleted + ": a task's solution/ cannot express deletions"});
    } else {
      out.candidates.push_back(std::move(candidate));
    }
  }
  return out;
}

}  // namespace landed
