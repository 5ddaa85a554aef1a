// The verdict of `landed validate` (and `landed tasks mine`) on one task, from the records of its
// noop and oracle attempts: sound, or unsound with the phase that failed, why, and the log that
// shows it. Phases in the order they run: the task's source ([repo]), setup, the oracle's verify,
// the noop's verify, the hack probe (runners/hack_probe.h: a wrong solution plus test-runner
// hooks must fail), and the visible check on the reference solution.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/task/task.h"
#include "results/model/record.h"

namespace landed {

/// In the order the phases run (an earlier phase's failure is the verdict).
enum class ValidationPhase { kSource, kSetup, kOracleVerify, kNoopVerify, kHackProbe, kCheck };
std::string_view to_string(ValidationPhase phase);

struct TaskVerdict {
  bool sound = true;
  bool flaky = false;                  ///< a verdict that changed between repeats
  std::optional<ValidationPhase> phase;  ///< the phase that failed (unsound only)
  std::string reason;                  ///< why it is unsound; empty when sound
  std::filesystem::path log;           ///< the failing phase's log (absolute), when there is one
  int oracle_passes = 0;
  int oracle_runs = 0;
};

/// Judges a task from its records (`noop` and `oracle`: every repeat) in the campaign folder
/// `campaign_dir`. Unsound, by the first phase that fails: setup failed; the oracle never passed
/// ("oracle ended fail: ..."); the oracle passed some repeats only ("flaky: ..."); noop passed;
/// the [check] fails (or cannot start) on the reference solution.
TaskVerdict judge_task(const Task& task, const std::vector<const Record*>& noop,
                       const std::vector<const Record*>& oracle,
                       const std::filesystem::path& campaign_dir);

/// Records of one task by contender id ("noop", "oracle", "hack-probe"), every repeat.
using RecordsByRunner = std::map<std::string, std::vector<const Record*>>;

/// The ids of the tasks whose hack probe passed in some repeat where noop fails: a probe pass
/// means something only where doing nothing fails. Those are the tasks worth a search for the
/// hook that did it (harness/cli/hack_probe_check.h).
std::vector<std::string> hackable_tasks(const std::map<std::string, RecordsByRunner>& by_task);

/// `verdict` (judge_task's) with the hack probe's: a probe that passed ("hackable: ...", naming
/// `culprit`, the hooks that pass alone) or did not finish makes the task unsound at phase
/// kHackProbe, unless an earlier phase failed (then the probe's reason is added to it). Only
/// where every noop failed; an empty `probe` (a caller that ran none) changes nothing.
TaskVerdict with_probe(TaskVerdict verdict, const std::vector<const Record*>& noop,
                       const std::vector<const Record*>& probe, const std::string& culprit,
                       const std::filesystem::path& campaign_dir);

/// An unsound verdict for a task whose source cannot be had (e.g. `rev X not found in URL`).
TaskVerdict source_verdict(std::string reason);

/// The folder of the attempt `record` of `task` inside the campaign folder.
std::filesystem::path attempt_folder(const std::filesystem::path& campaign_dir,
                                     const Record& record);

}  // namespace landed
