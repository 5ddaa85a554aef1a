// `--task GLOB` and `--contender GLOB`: run, validate, report and compare look at a subset.
// Globs have fnmatch(3) semantics ('*' also crosses '/'), several are OR'ed, and a glob that
// matches nothing is an error naming it (a typo must not silently select nothing).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "harness/base/error.h"
#include "harness/campaign/config.h"
#include "harness/task/suite.h"
#include "results/model/record.h"

namespace landed {
struct Scoreboard;  // scoring/aggregate.h (not included: its Interval clashes with adaptive_repeats.h)
}

namespace landed::cli {

struct Selection {
  std::vector<std::string> tasks;       // --task GLOB ...
  std::vector<std::string> contenders;  // --contender GLOB ...

  bool empty() const { return tasks.empty() && contenders.empty(); }
  /// True when the record's task and contender are selected (everything when empty).
  bool keeps(const Record& record) const;
};

/// True when `globs` is empty or one of them matches `name`.
bool matches_any(const std::vector<std::string>& globs, std::string_view name);

/// Adds `--task` (and, with `contenders`, `--contender`) to a subcommand.
void add_selection_options(CLI::App* command, Selection& selection, bool contenders = true);

/// Keeps the selected tasks of the suite; a glob matching no task is an error.
Status select_tasks(Suite& suite, const std::vector<std::string>& globs);
/// Keeps the selected contenders and routes (by id) of the config; same rule.
Status select_contenders(CampaignConfig& config, const std::vector<std::string>& globs);
/// After filtering records: each glob must have matched a task / contender of the board.
Status check_selection_matched(const Selection& selection, const Scoreboard& board,
                               const std::string& inputs);

}  // namespace landed::cli
