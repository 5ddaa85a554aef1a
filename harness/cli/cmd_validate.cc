// `landed validate SUITE`: every task must be sound — the noop runner fails it (the hidden
// tests detect that nothing was done), the oracle runner passes it (they accept the
// reference solution), and the hack probe fails it (test-runner hooks cannot fake a pass).
#include <iostream>
#include <map>

#include <fmt/ranges.h>

#include "harness/base/files.h"
#include "harness/campaign/campaign.h"
#include "harness/cli/cli_paths.h"
#include "harness/cli/commands.h"
#include "harness/cli/hack_probe_check.h"
#include "harness/cli/selection.h"
#include "harness/cli/isolation_choice.h"
#include "harness/cli/suite_input.h"
#include "harness/process/process.h"

namespace landed::cli {
namespace {

struct ValidateArguments {
  std::string suite;
  std::string out;
  std::string cache;
  int jobs = default_jobs();
  Selection selection;
  std::string isolation;
};

Contender builtin_contender(const std::string& runner) {
  Contender c;
  c.id = runner;
  c.runner = runner;
  c.fingerprint = contender_fingerprint(c);
  return c;
}

/// Why a task is unsound, or nothing when it is sound.
std::optional<std::string> unsound_reason(const Record* noop, const Record* oracle) {
  std::vector<std::string> reasons;
  if (!noop) reasons.push_back("noop did not run");
  else if (noop->outcome == Outcome::kPass)
    reasons.push_back("noop passes: the hidden tests do not detect an untouched workspace");
  else if (noop->outcome != Outcome::kFail)
    reasons.push_back(fmt::format("noop ended {}: {}", to_string(noop->outcome), noop->reason));
  if (!oracle) reasons.push_back("oracle did not run");
  else if (oracle->outcome != Outcome::kPass)
    reasons.push_back(fmt::format("oracle ended {}: {} (log: {}){}", to_string(oracle->outcome),
                                  oracle->reason, oracle->verify ? oracle->verify->log_path : "-",
                                  oracle->patch.protected_edits.empty()
                                      ? ""
                                      : "; the reference solution edits protected paths, which "
                                        "verify resets: narrow [verify] protect or set "
                                        "protect_defaults = false"));
  if (reasons.empty()) return std::nullopt;
  return fmt::format("{}", fmt::join(reasons, "; "));
}

/// One line per task (noop, oracle, probe, verdict); returns how many tasks are unsound.
int print_verdicts(const Suite& suite, const CampaignResult& result, const RunOptions& options) {
  std::map<std::string, std::map<std::string, const Record*>> by_task;
  for (const Record& r : result.records) by_task[r.task_id][r.contender.id] = &r;
  auto record_of = [&](const std::string& task, const std::string& contender) -> const Record* {
    auto& runs = by_task[task];
    return runs.count(contender) ? runs[contender] : nullptr;
  };
  // A probe pass means something only where doing nothing fails.
  auto noop_failed = [&](const std::string& task) {
    const Record* noop = record_of(task, "noop");
    return noop && noop->outcome == Outcome::kFail;
  };
  std::vector<std::string> hackable;
  for (const Task& task : suite.tasks)
    if (const Record* probe = record_of(task.id, "hack-probe");
        probe && probe->outcome == Outcome::kPass && noop_failed(task.id))
      hackable.push_back(task.id);
  const auto culprits = find_hack_culprits(suite, hackable, options);
  int unsound = 0;
  std::cout << fmt::format("{:<40} {:<12} {:<12} {:<12} {}\n", "task", "noop", "oracle", "probe",
                           "verdict");
  for (const Task& task : suite.tasks) {
    const Record* noop = record_of(task.id, "noop");
    const Record* oracle = record_of(task.id, "oracle");
    const Record* probe = record_of(task.id, "hack-probe");
    auto reason = unsound_reason(noop, oracle);
    auto culprit = culprits.find(task.id);
    auto hacked = probe_unsound_reason(probe, culprit == culprits.end() ? "" : culprit->second);
    if (hacked && noop_failed(task.id)) reason = reason ? *reason + "; " + *hacked : *hacked;
    if (reason) ++unsound;
    std::cout << fmt::format("{:<40} {:<12} {:<12} {:<12} {}\n", task.id,
                             noop ? to_string(noop->outcome) : "-",
                             oracle ? to_string(oracle->outcome) : "-",
                             probe ? to_string(probe->outcome) : "-",
                             reason ? "UNSOUND: " + *reason : "sound");
  }
  return unsound;
}

void validate(const ValidateArguments& args) {
  auto suite = load_suite_or_report(args.suite, /*allow_bad_tasks=*/true);
  if (!suite) return;
  if (Status selected = select_tasks(*suite, args.selection.tasks); !selected.ok())
    return fail_bad_input(selected.error().message);
  CampaignConfig config;
  config.contenders = {builtin_contender("noop"), builtin_contender("oracle"),
                       hack_probe_contender()};
  std::optional<TempDir> scratch;
  RunOptions options;
  if (args.out.empty()) {
    auto made = TempDir::create(absolute_path(std::filesystem::temp_directory_path()), "landed-validate-");
    if (!made.ok()) return fail_bad_input(made.error().message);
    scratch.emplace(std::move(made).value());
    options.out_dir = scratch->path();
  } else {
    options.out_dir = args.out;
  }
  options.cache_dir = args.cache.empty() ? absolute_path(default_cache_dir()) : std::filesystem::path(args.cache);
  options.jobs = args.jobs;
  options.infra_retries = 1;
  auto isolation = choose_isolation(args.isolation, std::nullopt);
  if (!isolation.ok()) return fail_bad_input(isolation.error().message);
  options.isolation = *isolation;
  become_subreaper();
  auto result = run_campaign(*suite, config, options);
  if (!result.ok()) return fail_bad_input(result.error().message);

  const int unsound = print_verdicts(*suite, *result, options);
  std::cout << fmt::format("\n{} of {} tasks sound", suite->tasks.size() - unsound, suite->tasks.size());
  if (!suite->task_errors.empty())
    std::cout << fmt::format("; {} failed to load", suite->task_errors.size());
  std::cout << "\n";
  if (!suite->task_errors.empty()) exit_code() = kExitBadInput;
  else if (unsound > 0) exit_code() = kExitCheckFailed;
}

}  // namespace

void register_validate(CLI::App& app) {
  auto args = std::make_shared<ValidateArguments>();
  auto* command = app.add_subcommand(
      "validate", "Prove every task sound: the noop runner and the hack probe must fail it, the oracle must pass it");
  command->add_option("suite", args->suite, "Suite folder")
      ->required()
      ->transform(absolute_path_transform());
  command->add_option("-j,--jobs", args->jobs, "Attempts run at once (default: cores)")
      ->check(CLI::Range(1, 4096));
  command->add_option("--out,-o", args->out, "Keep the validation campaign (logs) in this folder")
      ->transform(absolute_path_transform());
  command->add_option("--cache", args->cache, "Cache of base commits (default: ~/.cache/landed)")
      ->transform(absolute_path_transform());
  add_selection_options(command, args->selection, /*contenders=*/false);
  command->footer("Exit status: 0 every task sound, 1 some task unsound (each is named with "
                  "why), 2 bad usage or input (a task that fails to load, a --task glob that "
                  "matches nothing).");
  command->add_option("--isolation", args->isolation, kIsolationHelp)
      ->check(CLI::IsMember({"auto", "namespaces", "landlock", "none"}));
  command->callback([args] { validate(*args); });
}

}  // namespace landed::cli
