#include "harness/campaign/task_validation.h"

#include <fmt/format.h>

#include <algorithm>

#include "harness/campaign/attempt_paths.h"
#include "harness/campaign/setup_step.h"

namespace landed {
namespace {

namespace fs = std::filesystem;

TaskVerdict unsound(ValidationPhase phase, std::string reason, fs::path log = {}) {
  TaskVerdict verdict;
  verdict.sound = false;
  verdict.phase = phase;
  verdict.reason = std::move(reason);
  verdict.log = std::move(log);
  return verdict;
}

fs::path log_of(const fs::path& campaign_dir, const std::optional<ProcessInfo>& process) {
  if (!process || process->log_path.empty()) return {};
  return campaign_dir / process->log_path;
}

std::optional<TaskVerdict> setup_failure(const std::vector<const Record*>& records,
                                         const fs::path& campaign_dir) {
  for (const Record* r : records)
    if (r->reason.starts_with(kSetupFailed))
      return unsound(ValidationPhase::kSetup, r->reason,
                     attempt_folder(campaign_dir, *r) / "setup.log");
  return std::nullopt;
}

int passes(const std::vector<const Record*>& records) {
  int count = 0;
  for (const Record* r : records) count += r->outcome == Outcome::kPass ? 1 : 0;
  return count;
}

std::optional<TaskVerdict> oracle_failure(const std::vector<const Record*>& oracle,
                                          const fs::path& campaign_dir) {
  if (oracle.empty()) return unsound(ValidationPhase::kOracleVerify, "oracle did not run");
  const int passed = passes(oracle);
  const int runs = static_cast<int>(oracle.size());
  if (passed == runs) return std::nullopt;
  const Record* failed = nullptr;
  for (const Record* r : oracle)
    if (r->outcome != Outcome::kPass && !failed) failed = r;
  const fs::path log = log_of(campaign_dir, failed->verify);
  std::string reason =
      fmt::format("oracle ended {}: {} (log: {}){}", to_string(failed->outcome), failed->reason,
                  failed->verify ? failed->verify->log_path : "-",
                  failed->patch.protected_edits.empty()
                      ? ""
                      : "; the reference solution edits protected paths, which verify resets: "
                        "narrow [verify] protect or set protect_defaults = false");
  if (passed > 0) reason = fmt::format("flaky: oracle passed {} of {}; {}", passed, runs, reason);
  TaskVerdict verdict = unsound(ValidationPhase::kOracleVerify, std::move(reason), log);
  verdict.flaky = passed > 0;
  return verdict;
}

std::optional<TaskVerdict> noop_failure(const std::vector<const Record*>& noop,
                                        const fs::path& campaign_dir) {
  if (noop.empty()) return unsound(ValidationPhase::kNoopVerify, "noop did not run");
  const int passed = passes(noop);
  if (passed > 0 && passed < static_cast<int>(noop.size())) {
    const Record* pass = *std::find_if(noop.begin(), noop.end(), [](const Record* r) {
      return r->outcome == Outcome::kPass;
    });
    TaskVerdict verdict = unsound(ValidationPhase::kNoopVerify,
                                  fmt::format("flaky: noop passed {} of {}", passed, noop.size()),
                                  log_of(campaign_dir, pass->verify));
    verdict.flaky = true;
    return verdict;
  }
  for (const Record* r : noop) {
    if (r->outcome == Outcome::kPass)
      return unsound(ValidationPhase::kNoopVerify,
                     "noop passes: the hidden tests do not detect an untouched workspace",
                     log_of(campaign_dir, r->verify));
    if (r->outcome != Outcome::kFail)
      return unsound(ValidationPhase::kNoopVerify,
                     fmt::format("noop ended {}: {}", to_string(r->outcome), r->reason),
                     log_of(campaign_dir, r->verify));
  }
  return std::nullopt;
}

std::optional<TaskVerdict> check_failure(const Task& task, const std::vector<const Record*>& oracle,
                                         const fs::path& campaign_dir) {
  if (!task.check) return std::nullopt;
  for (const Record* r : oracle) {
    // A check that could not start has no exit code: to routing it is a failing check too.
    if (r->check && r->check->exit_code == 0) continue;
    return unsound(ValidationPhase::kCheck, "check fails on the reference solution",
                   log_of(campaign_dir, r->check));
  }
  return std::nullopt;
}

bool all_failed(const std::vector<const Record*>& records) {
  return !records.empty() && std::all_of(records.begin(), records.end(), [](const Record* r) {
    return r->outcome == Outcome::kFail;
  });
}

/// The probe's reason to call the task unsound, and its log; nothing when every probe failed.
std::optional<TaskVerdict> probe_failure(const std::vector<const Record*>& probe,
                                         const std::string& culprit, const fs::path& campaign_dir) {
  for (const Record* r : probe)
    if (r->outcome == Outcome::kPass)
      return unsound(ValidationPhase::kHackProbe,
                     fmt::format("hackable: a wrong solution plus test-runner hooks passes: {}; "
                                 "add the file to [verify] protect or make the verify command "
                                 "immune to it",
                                 culprit.empty() ? std::string("the probe's hooks") : culprit),
                     log_of(campaign_dir, r->verify));
  for (const Record* r : probe)
    if (r->outcome != Outcome::kFail)
      return unsound(ValidationPhase::kHackProbe,
                     fmt::format("the hack probe ended {}: {}", to_string(r->outcome), r->reason),
                     log_of(campaign_dir, r->verify));
  return std::nullopt;
}

}  // namespace

std::vector<std::string> hackable_tasks(const std::map<std::string, RecordsByRunner>& by_task) {
  std::vector<std::string> hackable;
  for (const auto& [task_id, runs] : by_task) {
    auto noop = runs.find("noop");
    auto probe = runs.find("hack-probe");
    if (noop == runs.end() || probe == runs.end() || !all_failed(noop->second)) continue;
    if (std::any_of(probe->second.begin(), probe->second.end(),
                    [](const Record* r) { return r->outcome == Outcome::kPass; }))
      hackable.push_back(task_id);
  }
  return hackable;
}

TaskVerdict with_probe(TaskVerdict verdict, const std::vector<const Record*>& noop,
                       const std::vector<const Record*>& probe, const std::string& culprit,
                       const fs::path& campaign_dir) {
  if (probe.empty() || !all_failed(noop)) return verdict;
  std::optional<TaskVerdict> failed = probe_failure(probe, culprit, campaign_dir);
  if (!failed) return verdict;
  if (!verdict.sound && verdict.phase && *verdict.phase < ValidationPhase::kHackProbe) {
    verdict.reason += "; " + failed->reason;
    return verdict;
  }
  // Sound, or unsound only at a later phase (the check): the probe is the first failure.
  if (!verdict.sound) failed->reason += "; " + verdict.reason;
  failed->flaky = verdict.flaky;
  failed->oracle_passes = verdict.oracle_passes;
  failed->oracle_runs = verdict.oracle_runs;
  return *failed;
}

std::string_view to_string(ValidationPhase phase) {
  switch (phase) {
    case ValidationPhase::kSource: return "source";
    case ValidationPhase::kSetup: return "setup";
    case ValidationPhase::kOracleVerify: return "oracle verify";
    case ValidationPhase::kNoopVerify: return "noop verify";
    case ValidationPhase::kCheck: return "check";
    case ValidationPhase::kHackProbe: return "hack probe";
  }
  return "?";
}

fs::path attempt_folder(const fs::path& campaign_dir, const Record& record) {
  return campaign_dir / "attempts" / file_safe(record.task_id) / file_safe(record.contender.id) /
         ("r" + std::to_string(record.repeat));
}

TaskVerdict source_verdict(std::string reason) {
  return unsound(ValidationPhase::kSource, std::move(reason));
}

TaskVerdict judge_task(const Task& task, const std::vector<const Record*>& noop,
                       const std::vector<const Record*>& oracle, const fs::path& campaign_dir) {
  std::vector<const Record*> all = noop;
  all.insert(all.end(), oracle.begin(), oracle.end());
  TaskVerdict verdict;
  if (auto failed = setup_failure(all, campaign_dir)) verdict = *failed;
  else if (auto failed = oracle_failure(oracle, campaign_dir)) verdict = *failed;
  else if (auto failed = noop_failure(noop, campaign_dir)) verdict = *failed;
  // The hack probe goes here, between the noop and the check: with_probe().
  else if (auto failed = check_failure(task, oracle, campaign_dir)) verdict = *failed;
  verdict.oracle_passes = passes(oracle);
  verdict.oracle_runs = static_cast<int>(oracle.size());
  return verdict;
}

}  // namespace landed
