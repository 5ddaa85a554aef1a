#include "harness/cli/selection.h"

#include <fnmatch.h>

#include <algorithm>

#include "scoring/aggregate.h"

namespace landed::cli {
namespace {

bool glob_matches(const std::string& glob, std::string_view name) {
  return ::fnmatch(glob.c_str(), std::string(name).c_str(), 0) == 0;
}

/// The first glob that matches none of `names`, if any.
template <typename Names, typename NameOf>
const std::string* unmatched_glob(const std::vector<std::string>& globs, const Names& names,
                                  NameOf name_of) {
  for (const std::string& glob : globs) {
    bool matched = std::any_of(names.begin(), names.end(),
                               [&](const auto& item) { return glob_matches(glob, name_of(item)); });
    if (!matched) return &glob;
  }
  return nullptr;
}

template <typename Items, typename NameOf>
void keep_matching(Items& items, const std::vector<std::string>& globs, NameOf name_of) {
  std::erase_if(items, [&](const auto& item) { return !matches_any(globs, name_of(item)); });
}

}  // namespace

bool matches_any(const std::vector<std::string>& globs, std::string_view name) {
  if (globs.empty()) return true;
  return std::any_of(globs.begin(), globs.end(),
                     [&](const std::string& glob) { return glob_matches(glob, name); });
}

bool Selection::keeps(const Record& record) const {
  return matches_any(tasks, record.task_id) && matches_any(contenders, record.contender.id);
}

void add_selection_options(CLI::App* command, Selection& selection, bool contenders) {
  command->add_option("--task", selection.tasks,
                      "Only tasks whose id matches this glob (fnmatch: * ? [..]); repeatable, "
                      "any match selects; a glob matching nothing is an error (exit 2)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  if (contenders)
    command->add_option("--contender", selection.contenders,
                        "Only contenders (and routes) whose id matches this glob; repeatable")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

Status select_tasks(Suite& suite, const std::vector<std::string>& globs) {
  auto task_id = [](const Task& task) -> const std::string& { return task.id; };
  if (const std::string* glob = unmatched_glob(globs, suite.tasks, task_id))
    return make_error("--task '{}' matches no task of {}", *glob, suite.dir.string());
  keep_matching(suite.tasks, globs, task_id);
  return ok_status();
}

Status select_contenders(CampaignConfig& config, const std::vector<std::string>& globs) {
  std::vector<std::string> ids;
  for (const Contender& c : config.contenders) ids.push_back(c.id);
  for (const Route& r : config.routes) ids.push_back(r.row.id);
  auto same = [](const std::string& id) -> const std::string& { return id; };
  if (const std::string* glob = unmatched_glob(globs, ids, same))
    return make_error("--contender '{}' matches no contender or route of {}", *glob,
                      config.file.string());
  keep_matching(config.contenders, globs, [](const Contender& c) { return c.id; });
  keep_matching(config.routes, globs, [](const Route& r) { return r.row.id; });
  return ok_status();
}

Status check_selection_matched(const Selection& selection, const Scoreboard& board,
                               const std::string& inputs) {
  auto same = [](const std::string& id) -> const std::string& { return id; };
  if (const std::string* glob = unmatched_glob(selection.tasks, board.tasks, same))
    return make_error("--task '{}' matches no task recorded in {}", *glob, inputs);
  auto id = [](const ContenderSummary& s) -> const std::string& { return s.contender.id; };
  if (const std::string* glob = unmatched_glob(selection.contenders, board.contenders, id))
    return make_error("--contender '{}' matches no contender recorded in {}", *glob, inputs);
  return ok_status();
}

}  // namespace landed::cli
