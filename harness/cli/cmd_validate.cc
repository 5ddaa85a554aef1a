// `landed validate SUITE`: every task must be sound — the noop runner fails it (the hidden
// tests detect that nothing was done) and the oracle runner passes it (they accept the
// reference solution).
#include <iostream>
#include <map>

#include <fmt/ranges.h>

#include "harness/base/files.h"
#include "harness/campaign/campaign.h"
#include "harness/cli/commands.h"
#include "harness/cli/selection.h"
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
    reasons.push_back(fmt::format("oracle ended {}: {} (log: {})", to_string(oracle->outcome),
                                  oracle->reason, oracle->verify ? oracle->verify->log_path : "-"));
  if (reasons.empty()) return std::nullopt;
  return fmt::format("{}", fmt::join(reasons, "; "));
}

void validate(const ValidateArguments& args) {
  auto suite = load_suite_or_report(args.suite, /*allow_bad_tasks=*/true);
  if (!suite) return;
  if (Status selected = select_tasks(*suite, args.selection.tasks); !selected.ok())
    return fail_bad_input(selected.error().message);
  CampaignConfig config;
  config.contenders = {builtin_contender("noop"), builtin_contender("oracle")};
  std::optional<TempDir> scratch;
  RunOptions options;
  if (args.out.empty()) {
    auto made = TempDir::create(std::filesystem::temp_directory_path(), "landed-validate-");
    if (!made.ok()) return fail_bad_input(made.error().message);
    scratch.emplace(std::move(made).value());
    options.out_dir = scratch->path();
  } else {
    options.out_dir = args.out;
  }
  options.cache_dir = args.cache.empty() ? default_cache_dir() : std::filesystem::path(args.cache);
  options.jobs = args.jobs;
  options.infra_retries = 1;
  become_subreaper();
  auto result = run_campaign(*suite, config, options);
  if (!result.ok()) return fail_bad_input(result.error().message);

  std::map<std::string, std::map<std::string, const Record*>> by_task;
  for (const Record& r : result->records) by_task[r.task_id][r.contender.id] = &r;
  int unsound = 0;
  std::cout << fmt::format("{:<40} {:<12} {:<12} {}\n", "task", "noop", "oracle", "verdict");
  for (const Task& task : suite->tasks) {
    auto& runs = by_task[task.id];
    const Record* noop = runs.count("noop") ? runs["noop"] : nullptr;
    const Record* oracle = runs.count("oracle") ? runs["oracle"] : nullptr;
    auto reason = unsound_reason(noop, oracle);
    if (reason) ++unsound;
    std::cout << fmt::format("{:<40} {:<12} {:<12} {}\n", task.id,
                             noop ? to_string(noop->outcome) : "-",
                             oracle ? to_string(oracle->outcome) : "-",
                             reason ? "UNSOUND: " + *reason : "sound");
  }
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
      "validate", "Prove every task sound: the noop runner must fail it, the oracle must pass it");
  command->add_option("suite", args->suite, "Suite folder")->required();
  command->add_option("-j,--jobs", args->jobs, "Attempts run at once (default: cores)")
      ->check(CLI::Range(1, 4096));
  command->add_option("--out,-o", args->out, "Keep the validation campaign (logs) in this folder");
  command->add_option("--cache", args->cache, "Cache of base commits (default: ~/.cache/landed)");
  add_selection_options(command, args->selection, /*contenders=*/false);
  command->footer("Exit status: 0 every task sound, 1 some task unsound (each is named with "
                  "why), 2 bad usage or input (a task that fails to load, a --task glob that "
                  "matches nothing).");
  command->callback([args] { validate(*args); });
}

}  // namespace landed::cli
