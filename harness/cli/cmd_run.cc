// `landed run SUITE --config FILE`: every contender × task × repeat, in parallel.
#include <csignal>
#include <iostream>
#include <set>

#include "harness/base/clock.h"
#include "harness/campaign/adaptive_repeats.h"
#include "harness/campaign/campaign.h"
#include "harness/campaign/campaign_plan.h"
#include "harness/campaign/repo_bases.h"
#include "harness/campaign/reuse_pool.h"
#include "harness/campaign/secret_scrub.h"
#include "harness/campaign/start_checks.h"
#include "harness/cli/cli_paths.h"
#include "harness/cli/commands.h"
#include "harness/cli/number_checks.h"
#include "harness/cli/progress.h"
#include "harness/cli/isolation_choice.h"
#include "harness/cli/run_plan.h"
#include "harness/cli/run_summary.h"
#include "harness/cli/selection.h"
#include "harness/cli/suite_input.h"
#include "harness/process/interrupt.h"
#include "harness/process/process.h"
#include "results/history/history.h"
#include "scoring/run_gates.h"

namespace landed::cli {
namespace {

struct RunArguments {
  std::string suite;
  std::string config;
  std::string out;
  std::string cache;
  std::string shard;
  std::string prices;
  std::string db;
  int jobs = default_jobs();
  std::string repeats;
  std::vector<std::string> reuse;
  bool fresh = false;
  bool dry_run = false;
  double confidence = 0.95;
  double max_usd = 0;
  int infra_retries = 2;
  int infra_backoff_ms = 2000;
  bool resume = false;
  bool keep = false;
  bool skip_bad_tasks = false;
  bool strict = false;
  bool quiet = false;
  std::string progress = "auto";
  Selection selection;
  std::string isolation;
  bool allow_unpriced = false;
  std::vector<std::string> fail_on;
  std::string ca_file;
  bool keep_traffic = false;
};

std::filesystem::path default_out_dir(const Suite& suite) {
  std::string stamp = utc_now_iso8601().substr(0, 19);
  std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
  return absolute_path(std::filesystem::path("campaigns") / (suite.name + "-" + stamp));
}

Result<RunOptions> make_options(const RunArguments& args, const Suite& suite,
                                const CampaignConfig& config) {
  RunOptions options;
  options.out_dir = args.out.empty() ? default_out_dir(suite) : std::filesystem::path(args.out);
  options.cache_dir = args.cache.empty() ? absolute_path(default_cache_dir()) : std::filesystem::path(args.cache);
  options.jobs = args.jobs;
  options.repeats = config.repeats.value_or(1);
  if (!args.repeats.empty()) {
    LANDED_TRY(auto repeats, parse_repeats(args.repeats));
    options.repeats = repeats.repeats;
    options.adaptive_repeats = repeats.adaptive;
  }
  options.confidence = args.confidence;
  if (!args.fresh) {
    options.reuse = config.reuse;
    for (const auto& source : args.reuse) options.reuse.emplace_back(source);
  }
  options.resume = args.resume;
  options.keep_sandboxes = args.keep;
  options.infra_retries = args.infra_retries;
  options.infra_backoff.base = std::chrono::milliseconds(args.infra_backoff_ms);
  if (args.max_usd > 0) options.max_usd = args.max_usd;
  else options.max_usd = config.max_usd;
  if (!args.prices.empty()) options.prices = args.prices;
  if (!args.ca_file.empty()) options.ca_file = std::filesystem::absolute(args.ca_file);
  options.keep_traffic = args.keep_traffic;
  if (!args.shard.empty()) {
    LANDED_TRY(options.shard, parse_shard(args.shard));
  }
  return options;
}

/// `--db`: each record goes into the history as it is appended; a failure there is reported
/// once and never stops the campaign (records.jsonl stays the source of truth).
std::function<void(const Record&)> history_writer(history::History& db,
                                                  const std::filesystem::path& out_dir) {
  auto warned = std::make_shared<bool>(false);
  return [&db, out_dir, warned](const Record& record) {
    Status added = db.add_record(record, out_dir);
    if (!added.ok() && !*warned) {
      *warned = true;
      std::cerr << "landed: warning: --db: " << added.error().message << "\n";
    }
  };
}

/// Completes the campaign's row (campaign.json is final now) and any record that missed it.
void finish_history(history::History& db, const std::filesystem::path& out_dir,
                    const std::string& db_path) {
  auto ingested = db.ingest_campaign(out_dir);
  if (!ingested.ok()) return fail_bad_input("--db: " + ingested.error().message);
  std::cout << "history: " << db_path << "\n";
}

/// Tasks that failed to load did not run: the campaign went on without them (see --strict),
/// and the exit code says so unless --skip-bad-tasks.
void report_load_errors(const RunArguments& args, const Suite& suite) {
  if (suite.task_errors.empty() || args.skip_bad_tasks) return;
  fail_bad_input(fmt::format("{} task(s) of {} failed to load (see above) and did not run; fix "
                             "them, or pass --skip-bad-tasks to accept that",
                             suite.task_errors.size(), args.suite));
}

Result<std::vector<OutcomeThreshold>> parse_fail_on(const std::vector<std::string>& texts) {
  std::vector<OutcomeThreshold> rules;
  for (const std::string& text : texts) {
    LANDED_TRY(OutcomeThreshold rule, parse_outcome_threshold(text));
    rules.push_back(rule);
  }
  return rules;
}

/// The problems that stop the campaign before it starts, each printed; an error when there are any.
Status may_start(const RunArguments& args, const CampaignConfig& config, const RunOptions& options) {
  LANDED_TRY(PriceTable prices, price_table_with_override(options.prices ? options.prices : config.prices));
  const auto problems = start_problems(config, prices, {options.max_usd, args.allow_unpriced});
  for (const std::string& problem : problems) std::cerr << "landed: " << problem << "\n";
  if (problems.empty()) return ok_status();
  return make_error("the campaign cannot start: {} problem(s) above", problems.size());
}

/// Exit 3 when a contender had nothing measured, 1 when a --fail-on threshold is crossed (each
/// named on stderr); a higher-ranked code already set (2, a signal) stays (raise_exit_code).
void set_run_exit(const CampaignResult& result, const std::vector<OutcomeThreshold>& fail_on) {
  const auto unmeasured =
      unmeasured_contenders(result.records, result.contenders, result.stopped_reason);
  const auto crossed = crossed_thresholds(result.records, fail_on);
  for (const std::string& line : unmeasured) std::cerr << "landed: " << line << "\n";
  for (const std::string& line : crossed) std::cerr << "landed: " << line << "\n";
  if (!unmeasured.empty()) raise_exit_code(kExitNothingMeasured);
  if (!crossed.empty()) raise_exit_code(kExitCheckFailed);
}

/// --dry-run: the plan, and what `run` checks before starting (an error exits 2 the same way).
Status dry_run(const RunArguments& args, const Suite& suite, const CampaignConfig& config,
               const RunOptions& options) {
  LANDED_TRY(ReusePool pool, ReusePool::load(options.reuse));
  LANDED_TRY(CampaignPlan plan, dry_run_plan(suite, config, options, pool));
  print_run_plan(std::cout, plan, config, options.max_usd);
  if (Status startable = may_start(args, config, options); !startable.ok())
    fail_bad_input(startable.error().message);
  else
    std::cout << "Every contender can start.\n";
  report_load_errors(args, suite);
  return ok_status();
}

/// After the campaign (its summary printed): the exit code (a signal, exit 5 for a campaign that
/// could not finish, else 3 and 1 from set_run_exit); load errors raise 2 on the way.
void finish_run(const RunArguments& args, const Suite& suite, const CampaignResult& result,
                const std::vector<OutcomeThreshold>& fail_on) {
  if (result.stopped_reason) std::cerr << "landed: stopped early: " << *result.stopped_reason << "\n";
  if (result.capped)
    std::cerr << "landed: the campaign is capped; continue it with --resume --max-usd HIGHER\n";
  report_load_errors(args, suite);
  if (result.interrupted_by) {
    std::cerr << fmt::format("landed: interrupted by {}: the attempts that were running are not "
                             "recorded; continue with --resume\n",
                             result.interrupted_by == SIGINT ? "SIGINT" : "SIGTERM");
    raise_exit_code(128 + result.interrupted_by);
    return;
  }
  if (result.failure) {
    std::cerr << "landed: the campaign failed: " << result.failure->message
              << "; the records written so far stand: continue with --resume\n";
    raise_exit_code(kExitCampaignFailed);
    return;
  }
  set_run_exit(result, fail_on);
}

/// An error is bad usage or input (exit 2): the campaign did not start. What happens once it
/// ran sets the exit code itself (finish_run).
Status run(const RunArguments& args) {
  LANDED_TRY(CampaignConfig config, load_config(args.config));
  LANDED_TRY_STATUS(check_secrets_available(config));
  LANDED_TRY_STATUS(select_contenders(config, args.selection.contenders));
  LANDED_TRY_STATUS(check_secret_lengths(config));
  LANDED_TRY(std::vector<OutcomeThreshold> fail_on, parse_fail_on(args.fail_on));
  auto suite = load_suite_or_report(args.suite, /*allow_bad_tasks=*/!args.strict);
  if (!suite) return ok_status();  // reported, exit 2 raised
  LANDED_TRY_STATUS(select_tasks(*suite, args.selection.tasks));
  LANDED_TRY(RunOptions options, make_options(args, *suite, config));
  // A [repo] task's rev may be a branch that moved: reuse only records made on its commit now.
  if (!options.reuse.empty())
    for (const std::string& line : resolve_repo_bases(*suite, options.cache_dir))
      std::cerr << "landed: warning: " << line << " (its attempts are not reused)\n";
  if (args.dry_run) return dry_run(args, *suite, config, options);
  LANDED_TRY(options.isolation, choose_isolation(args.isolation, config.isolation));
  LANDED_TRY_STATUS(may_start(args, config, options));
  if (!check_sources_or_report(*suite, options.cache_dir, args.strict)) return ok_status();
  std::optional<history::History> db;
  if (!args.db.empty()) {
    LANDED_TRY(history::History opened, history::History::open(args.db, /*create=*/true));
    db.emplace(std::move(opened));
    options.on_record = history_writer(*db, options.out_dir);
  }
  std::unique_ptr<CampaignObserver> progress = make_progress(args.quiet ? "none" : args.progress);
  options.observer = progress.get();
  become_subreaper();
  install_interrupt_handlers();
  LANDED_TRY(CampaignResult result, run_campaign(*suite, config, options));
  print_run_summary(std::cout, result, options.out_dir);
  if (db && !result.failure) finish_history(*db, options.out_dir, args.db);
  finish_run(args, *suite, result, fail_on);
  return ok_status();
}

}  // namespace

void register_run(CLI::App& app) {
  auto args = std::make_shared<RunArguments>();
  auto* command = app.add_subcommand(
      "run", "Run every contender of a config on every task of a suite, record every attempt");
  command->add_option("suite", args->suite, "Suite folder (suite.toml + one folder per task)")
      ->required()
      ->transform(absolute_path_transform());
  command->add_option("--config,-c", args->config, "Campaign config (TOML): the contenders")
      ->required()
      ->transform(absolute_path_transform());
  command->add_option("--out,-o", args->out, "Campaign folder (default: campaigns/<suite>-<time>)")
      ->transform(absolute_path_transform());
  command->add_option("-j,--jobs", args->jobs, "Attempts run at once (default: cores)")
      ->check(CLI::Range(1, 4096));
  command->add_option("--repeats,-k", args->repeats,
                      "Repeats per task and contender: K, or auto[:MAX] to stop repeating a "
                      "contender on a task once its Wilson interval at --confidence excludes 50% "
                      "(MAX default 10) (default: the config's [run] repeats, else 1)");
  command->add_option("--confidence", args->confidence,
                      "Confidence of the --repeats auto rule (default 0.95)")
      ->check(finite_range(0.5, 0.999));
  command->add_flag("--resume", args->resume,
                    "Continue a killed or capped campaign in --out: finished attempts are not run "
                    "again");
  command->add_option("--shard", args->shard,
                      "Run only shard K of N (K/N, e.g. 2/8): (task, contender) pairs are split "
                      "deterministically, balanced by forecast cost; join with `landed merge`");
  command->add_option("--max-usd", args->max_usd,
                      "Dollar cap: start no attempt once spent + the worst case of attempts in "
                      "flight and of the next one would cross it (worst case: the contender's "
                      "[limits] max_usd, else the dearest such attempt in history, else the "
                      "dearest of this campaign so far); the campaign is marked capped")
      ->check(finite_positive());
  command->add_option("--reuse", args->reuse,
                      "Earlier campaign folders (or records files) whose attempts are reused when "
                      "task digest, contender definition and scoring version are unchanged; adds "
                      "to the config's [run] reuse")
      ->transform(absolute_path_transform());
  command->add_flag("--fresh", args->fresh, "Reuse nothing: run every attempt");
  command->add_option("--isolation", args->isolation, kIsolationHelp)
      ->check(CLI::IsMember({"auto", "namespaces", "landlock", "none"}));
  command->add_flag("--dry-run", args->dry_run,
                    "Print the plan (attempts to run and to reuse, dollar forecast) and exit");
  command->add_option("--prices", args->prices, "Price file (TOML or LiteLLM JSON) over the built-in table")
      ->transform(absolute_path_transform());
  command->add_option("--db", args->db,
                      "Also write every record to this history database (SQLite; see `landed ingest`)")
      ->transform(absolute_path_transform());
  command->add_option("--cache", args->cache, "Cache of base commits (default: ~/.cache/landed)")
      ->transform(absolute_path_transform());
  command->add_option("--infra-retries", args->infra_retries,
                      "Tries again an attempt that ended in infra_error (default 2)")
      ->check(CLI::Range(0, 10));
  command->add_option("--infra-backoff-ms", args->infra_backoff_ms,
                      "Wait before the first infra retry, doubled each retry, +/-25% jitter, "
                      "at most 60 s (default 2000)")
      ->check(CLI::Range(0, 600000));
  command->add_flag("--keep", args->keep, "Keep every sandbox under <out>/sandboxes");
  command->add_option("--ca-file", args->ca_file,
                      "CA certificates (PEM) the metering proxy trusts for HTTPS upstreams, in "
                      "place of the system store (a private gateway)")
      ->check(CLI::ExistingFile);
  command->add_flag("--keep-traffic", args->keep_traffic,
                    "Write each metered call's headers and bodies to traffic.jsonl in its attempt "
                    "folder (credentials removed); without it no body reaches the disk");
  command->add_flag("--skip-bad-tasks", args->skip_bad_tasks,
                    "Tasks that fail to load are reported but do not make the exit code 2");
  command->add_flag("--strict", args->strict,
                    "Refuse to start when any task fails to load (default: run the tasks that "
                    "load, report the others, exit 2 at the end)");
  command->add_flag("--quiet,-q", args->quiet, "No progress (same as --progress none)");
  command->add_option("--progress", args->progress,
                      "auto: a live bar on a terminal, plain lines otherwise; plain: a line at "
                      "every 10% of the attempts and at least every 30 s (done/total, passes, "
                      "dollars so far); bar; none")
      ->check(CLI::IsMember(progress_modes()))
      ->capture_default_str();
  add_selection_options(command, args->selection);
  command->add_flag("--allow-unpriced", args->allow_unpriced,
                    "Run under --max-usd even contenders whose cost cannot be computed (no price "
                    "for their model); their spending is not counted against the cap");
  command->add_option("--fail-on", args->fail_on,
                      "Exit 1 when a contender's attempts cross a threshold: OUTCOME>N, "
                      "OUTCOME>=N (a count) or OUTCOME>N% (of its attempts, infra_error "
                      "included), e.g. agent_error>50%; repeatable");
  command->footer(
      "Config for nightly runs: [run] reuse = [\"DIR\", ...] (default --reuse sources), "
      "max_usd, repeats; [run.providers] NAME = N caps attempts in flight per API provider "
      "(a contender's provider = \"NAME\", else derived: anthropic, openai, google, sim, "
      "local, or the runner). See README \"Nightly in CI and across machines\".\n\n"
      "Exit status: 0 every contender measured and no --fail-on crossed; 1 a --fail-on threshold "
      "crossed; 2 bad usage or input (the message names the file, task or contender), a task "
      "that failed to load (unless --skip-bad-tasks), or the campaign cannot start (a "
      "contender's program not found, an unknown runner option, a secret not set, an unpriced "
      "model under --max-usd, --max-usd below one attempt's max_usd; --dry-run checks the "
      "same); 3 a contender had no attempt measured (all infra_error, or none started before "
      "the dollar cap), named on stderr; 5 the campaign started but could not go on (a record "
      "or campaign.json could not be written: a full disk, a removed folder; the records "
      "written so far stand, continue with --resume); 130/143 stopped by SIGINT/SIGTERM "
      "(continue with --resume). When several apply: 130/143, then 2, then 5, then 3, then 1.");
  command->callback([args] {
    if (Status status = run(*args); !status.ok()) fail_bad_input(status.error().message);
  });
}

}  // namespace landed::cli
