// `landed validate SUITE`: every task must be sound — the noop runner fails it (the hidden
// tests detect that nothing was done), the oracle runner passes it (they accept the
// reference solution), the hack probe fails it (test-runner hooks cannot fake a pass), its setup
// and source work, and its [check] accepts the reference solution. An unsound task is printed
// with the phase that failed and the tail of its log.
#include <iostream>
#include <map>

#include <fmt/ranges.h>

#include "harness/base/files.h"
#include "harness/campaign/campaign.h"
#include "harness/cli/cli_paths.h"
#include "harness/campaign/task_sources.h"
#include "harness/campaign/task_validation.h"
#include "harness/cli/commands.h"
#include "harness/cli/hack_probe_check.h"
#include "harness/cli/log_tail.h"
#include "harness/cli/selection.h"
#include "harness/cli/isolation_choice.h"
#include "harness/cli/suite_input.h"
#include "harness/process/process.h"

namespace landed::cli {
namespace {

constexpr int kTailLines = 20;

struct ValidateArguments {
  std::string suite;
  std::string out;
  std::string cache;
  int jobs = default_jobs();
  int repeats = 1;
  Selection selection;
  std::string isolation;
};

std::string outcome_column(const std::vector<const Record*>& records) {
  if (records.empty()) return "-";
  if (records.size() == 1) return std::string(to_string(records.front()->outcome));
  int passed = 0;
  for (const Record* r : records) passed += r->outcome == Outcome::kPass ? 1 : 0;
  return fmt::format("{}/{} pass", passed, records.size());
}

void print_verdict(const std::string& task_id, const RecordsByRunner& runs,
                   const TaskVerdict& verdict) {
  auto column = [&](const std::string& runner) {
    auto found = runs.find(runner);
    return found == runs.end() ? std::string("-") : outcome_column(found->second);
  };
  std::cout << fmt::format("{:<40} {:<12} {:<12} {:<12} {}\n", task_id, column("noop"),
                           column("oracle"), column("hack-probe"),
                           verdict.sound ? std::string("sound") : "UNSOUND: " + verdict.reason);
  if (verdict.sound) return;
  std::cout << fmt::format("    phase: {}", to_string(*verdict.phase));
  if (!verdict.log.empty()) std::cout << fmt::format("; log: {}", verdict.log.string());
  std::cout << "\n";
  if (!verdict.log.empty()) print_log_tail(std::cout, verdict.log, kTailLines, "    | ");
}

/// A task's setup, once: how long it ran in this validation, or that its cached layer was reused.
void print_setup(const Task& task, const RecordsByRunner& runs) {
  if (!task.setup) return;
  std::size_t attempts = 0;
  std::optional<double> setup_s;
  for (const auto& [runner, records] : runs)
    for (const Record* r : records) {
      ++attempts;
      if (r->timing.setup_s) setup_s = r->timing.setup_s;
    }
  if (setup_s)
    std::cout << fmt::format("    setup: ran once in {:.1f} s for {} attempts\n", *setup_s, attempts);
  else if (attempts > 0)
    std::cout << "    setup: reused from the cache (it ran in an earlier campaign)\n";
}

/// Where validation writes its campaign: --out, or a temporary folder that is kept when a task
/// is unsound (its logs are the explanation) and removed otherwise.
std::optional<TempDir> scratch_folder(const ValidateArguments& args, RunOptions& options) {
  if (!args.out.empty()) {
    options.out_dir = args.out;
    return std::nullopt;
  }
  auto made = TempDir::create(absolute_path(std::filesystem::temp_directory_path()),
                              "landed-validate-");
  if (!made.ok()) {
    fail_bad_input(made.error().message);
    return std::nullopt;
  }
  options.out_dir = made->path();
  return std::move(made).value();
}

/// One line per task (noop, oracle, probe, verdict), with the failing phase's log tail under an
/// unsound one; returns how many tasks are unsound.
int print_verdicts(const Suite& suite, const std::vector<Record>& records,
                   std::map<std::string, std::string>& source_errors, const RunOptions& options) {
  std::map<std::string, RecordsByRunner> by_task;
  for (const Record& r : records) by_task[r.task_id][r.contender.id].push_back(&r);
  const auto culprits = find_hack_culprits(suite, hackable_tasks(by_task), options);
  int unsound = 0;
  std::cout << fmt::format("{:<40} {:<12} {:<12} {:<12} {}\n", "task", "noop", "oracle", "probe",
                           "verdict");
  for (const Task& task : suite.tasks) {
    RecordsByRunner& runs = by_task[task.id];
    TaskVerdict verdict = judge_task(task, runs["noop"], runs["oracle"], options.out_dir);
    auto culprit = culprits.find(task.id);
    verdict = with_probe(std::move(verdict), runs["noop"], runs["hack-probe"],
                         culprit == culprits.end() ? "" : culprit->second, options.out_dir);
    if (source_errors.count(task.id)) verdict = source_verdict(source_errors[task.id]);
    if (!verdict.sound) ++unsound;
    print_verdict(task.id, runs, verdict);
    if (verdict.sound) print_setup(task, runs);
  }
  return unsound;
}

void validate(const ValidateArguments& args) {
  auto suite = load_suite_or_report(args.suite, /*allow_bad_tasks=*/true);
  if (!suite) return;
  if (Status selected = select_tasks(*suite, args.selection.tasks); !selected.ok())
    return fail_bad_input(selected.error().message);
  RunOptions options;
  options.cache_dir =
      args.cache.empty() ? absolute_path(default_cache_dir()) : std::filesystem::path(args.cache);
  if (Status writable = check_cache_writable(options.cache_dir); !writable.ok())
    return fail_bad_input(writable.error().message);
  std::map<std::string, std::string> source_errors;
  {
    BaseCache bases(options.cache_dir / "bases");
    for (const TaskSourceError& e : check_task_sources(*suite, bases))
      source_errors[e.task_id] = e.reason;
  }
  Suite runnable = *suite;
  std::erase_if(runnable.tasks, [&](const Task& t) { return source_errors.count(t.id) > 0; });

  CampaignConfig config;
  config.contenders = {builtin_contender("noop"), builtin_contender("oracle"),
                       hack_probe_contender()};
  std::optional<TempDir> scratch = scratch_folder(args, options);
  if (options.out_dir.empty()) return;
  options.jobs = args.jobs;
  options.repeats = args.repeats;
  options.infra_retries = 1;
  auto isolation = choose_isolation(args.isolation, std::nullopt);
  if (!isolation.ok()) return fail_bad_input(isolation.error().message);
  options.isolation = *isolation;
  become_subreaper();
  std::vector<Record> records;
  if (!runnable.tasks.empty()) {
    auto result = run_campaign(runnable, config, options);
    if (!result.ok()) return fail_bad_input(result.error().message);
    if (result->failure) return fail_bad_input(result->failure->message);
    records = std::move(result->records);
  }

  const int unsound = print_verdicts(*suite, records, source_errors, options);
  std::cout << fmt::format("\n{} of {} tasks sound", suite->tasks.size() - unsound, suite->tasks.size());
  if (!suite->task_errors.empty())
    std::cout << fmt::format("; {} failed to load", suite->task_errors.size());
  std::cout << "\n";
  if (unsound > 0 && scratch) {
    scratch->keep();
    std::cout << fmt::format("logs of the validation: {}\n", options.out_dir.string());
  }
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
  command->add_option("--out,-o", args->out,
                      "Keep the validation campaign (logs) in this folder (default: a temporary "
                      "folder, kept only when a task is unsound)")
      ->transform(absolute_path_transform());
  command->add_option("--cache", args->cache, "Cache of base commits (default: ~/.cache/landed)")
      ->transform(absolute_path_transform());
  command->add_option("--repeats,-k", args->repeats,
                      "Run noop, oracle and the hack probe N times each; a task whose verdict "
                      "changes is flaky")
      ->check(CLI::Range(1, 100));
  add_selection_options(command, args->selection, /*contenders=*/false);
  command->footer("Exit status: 0 every task sound, 1 some task unsound (each is named with "
                  "why, the phase that failed and its log tail), 2 bad usage or input (a task "
                  "that fails to load, a --task glob that matches nothing).");
  command->add_option("--isolation", args->isolation, kIsolationHelp)
      ->check(CLI::IsMember({"auto", "namespaces", "landlock", "none"}));
  command->callback([args] { validate(*args); });
}

}  // namespace landed::cli
