// `landed tasks mine REPO --out SUITE_DIR`: a suite from a repository's history. Each commit that
// changes tests and code together becomes a candidate task (base: its parent; hidden tests: its
// test files; solution: its other files; prompt: its message body); only candidates that
// validate (noop fails, oracle passes, every repeat) are kept. mine-report.md and
// mine-report.json in SUITE_DIR say what was dropped and why.
#include <algorithm>
#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "harness/base/files.h"
#include "harness/campaign/campaign.h"
#include "harness/cli/commands.h"
#include "harness/cli/suite_input.h"
#include "harness/mine/mine.h"
#include "harness/process/process.h"

namespace landed::cli {
namespace {

struct MineArguments {
  std::string repo;
  std::string out;
  std::string since, until, branch;
  std::vector<std::string> paths, tests;
  std::optional<int> max;
  std::string verify;
  std::string prompt_from;
  int repeats = 1;
  int jobs = default_jobs();
  int verify_timeout_s = 300;
  std::string cache;
};

std::string report_markdown(const MineReport& report) {
  std::string text = fmt::format(
      "# landed tasks mine\n\n{} commits considered, {} candidates validated, {} tasks kept.\n"
      "History scan {:.2f} s; validation {:.2f} s.\n\n| commit | task | verdict |\n|---|---|---|\n",
      report.considered, report.candidates,
      std::count_if(report.results.begin(), report.results.end(),
                    [](const MinedCommitResult& r) { return r.kept; }),
      report.scan_s, report.validate_s);
  for (const MinedCommitResult& r : report.results)
    text += fmt::format("| {} {} | {} | {} |\n", r.sha.substr(0, 8), r.summary,
                        r.task_id.empty() ? "-" : r.task_id,
                        r.kept ? "kept" : "dropped: " + r.reason);
  return text;
}

std::string report_json(const MineReport& report) {
  nlohmann::json out{{"considered", report.considered},
                     {"candidates", report.candidates},
                     {"scan_s", report.scan_s},
                     {"validate_s", report.validate_s},
                     {"commits", nlohmann::json::array()}};
  for (const MinedCommitResult& r : report.results)
    out["commits"].push_back({{"sha", r.sha},
                              {"summary", r.summary},
                              {"task_id", r.task_id},
                              {"kept", r.kept},
                              {"reason", r.reason}});
  return out.dump(2) + "\n";
}

std::optional<MineOptions> options_from(const MineArguments& args) {
  MineOptions options;
  options.repo = args.repo;
  options.out = args.out;
  options.range.branch = args.branch;
  options.range.paths = args.paths;
  options.range.max = args.max;
  for (const auto& [text, into] : {std::pair{&args.since, &options.range.since},
                                   std::pair{&args.until, &options.range.until}}) {
    if (text->empty()) continue;
    Result<std::int64_t> date = parse_history_date(*text);
    if (!date.ok()) {
      fail_bad_input(date.error().message);
      return std::nullopt;
    }
    *into = *date;
  }
  options.test_globs = args.tests;
  if (!args.verify.empty()) options.verify = args.verify;
  if (!args.prompt_from.empty()) {
    auto prompts = read_prompts(args.prompt_from);
    if (!prompts.ok()) {
      fail_bad_input(prompts.error().message);
      return std::nullopt;
    }
    options.prompts = std::move(prompts).value();
  }
  options.repeats = args.repeats;
  options.jobs = args.jobs;
  options.verify_timeout_s = args.verify_timeout_s;
  options.cache_dir = args.cache.empty() ? default_cache_dir() : std::filesystem::path(args.cache);
  return options;
}

void mine(const MineArguments& args) {
  auto options = options_from(args);
  if (!options) return;
  become_subreaper();
  auto report = mine_tasks(*options);
  if (!report.ok()) return fail_bad_input(report.error().message);
  const std::filesystem::path out(args.out);
  if (Status md = write_file(out / "mine-report.md", report_markdown(*report)); !md.ok())
    return fail_bad_input(md.error().message);
  if (Status json = write_file(out / "mine-report.json", report_json(*report)); !json.ok())
    return fail_bad_input(json.error().message);
  for (const MinedCommitResult& r : report->results)
    std::cout << fmt::format("{} {:<48} {}\n", r.sha.substr(0, 8),
                             r.task_id.empty() ? r.summary : r.task_id,
                             r.kept ? "kept" : "dropped: " + r.reason);
  const auto kept = std::count_if(report->results.begin(), report->results.end(),
                                  [](const MinedCommitResult& r) { return r.kept; });
  std::cout << fmt::format("\n{} commits considered, {} candidates, {} tasks kept in {}\n"
                           "report: {}\n",
                           report->considered, report->candidates, kept, out.string(),
                           (out / "mine-report.md").string());
}

}  // namespace

void register_tasks(CLI::App& app) {
  auto* tasks = app.add_subcommand("tasks", "Make tasks: `landed tasks mine REPO --out SUITE`");
  tasks->require_subcommand(1);
  auto args = std::make_shared<MineArguments>();
  auto* command = tasks->add_subcommand(
      "mine", "A suite from a git repository's history: each commit that fixes code and adds or "
              "changes tests becomes a task, kept only when it validates. Exit codes: 0 done, "
              "2 bad input (an unreadable repository, a bad option)");
  command->add_option("repo", args->repo, "The git repository (a local path)")->required();
  command->add_option("--out,-o", args->out, "The suite folder to write (created)")->required();
  command->add_option("--since", args->since, "Commits from this date on (YYYY-MM-DD)");
  command->add_option("--until", args->until, "Commits before this date (YYYY-MM-DD)");
  command->add_option("--branch", args->branch, "Branch, tag or commit to walk (default: HEAD)");
  command->add_option("--paths", args->paths, "Only commits touching these path prefixes");
  command->add_option("--max", args->max, "At most N commits, newest first")
      ->check(CLI::Range(1, 10000000));
  command->add_option("--tests", args->tests,
                      "Glob of test files (repeatable; default: tests/, test_*.py, *_test.go, "
                      "*.test.js, *_test.cc, ...)");
  command->add_option("--verify", args->verify,
                      "Verify command, {tests} = the test paths (default: detected for pytest, "
                      "cargo, go test, npm/jest/vitest, CTest)");
  command->add_option("--prompt-from", args->prompt_from,
                      "JSON object of issue texts keyed by commit sha (or prefix)");
  command->add_option("--repeats,-k", args->repeats, "Validate each candidate N times")
      ->check(CLI::Range(1, 100));
  command->add_option("--verify-timeout", args->verify_timeout_s,
                      "Seconds a verify may take; slower candidates are dropped as slow")
      ->check(CLI::Range(1, 86400));
  command->add_option("-j,--jobs", args->jobs, "Attempts run at once (default: cores)")
      ->check(CLI::Range(1, 4096));
  command->add_option("--cache", args->cache, "Cache of base commits (default: ~/.cache/landed)");
  command->callback([args] { mine(*args); });
}

}  // namespace landed::cli
