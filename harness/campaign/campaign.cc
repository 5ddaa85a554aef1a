#include "harness/campaign/campaign.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <cstdlib>
#include <mutex>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "harness/base/clock.h"
#include "harness/base/files.h"
#include "harness/base/sha256.h"
#include "harness/campaign/adaptive_repeats.h"
#include "harness/campaign/attempt.h"
#include "harness/campaign/attempt_paths.h"
#include "harness/campaign/campaign_lock.h"
#include "harness/campaign/campaign_plan.h"
#include "harness/campaign/price_check.h"
#include "harness/campaign/reuse_pool.h"
#include "harness/campaign/spend_cap.h"
#include "harness/campaign/resume_check.h"
#include "harness/campaign/secret_scrub.h"
#include "harness/process/interrupt.h"
#include "harness/meter/meter_proxy.h"
#include "runners/metering.h"
#include "landed/version.h"
#include "results/model/campaign_metadata.h"
#include "results/store/records_file.h"
#include "scoring/cost.h"

namespace landed {
namespace {

using nlohmann::json;

std::string new_campaign_id() {
  std::random_device random;
  std::string stamp = utc_now_iso8601().substr(0, 19);
  std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
  return fmt::format("{}-{:06x}", stamp, random() & 0xffffff);
}

SuiteInfo suite_info(const Suite& suite) {
  return {suite.name, suite.dir.string(), suite.digest, static_cast<std::int64_t>(suite.tasks.size())};
}

json options_json(const RunOptions& o) {
  return {{"jobs", o.jobs},
          {"repeats", o.repeats},
          {"max_usd", o.max_usd ? json(*o.max_usd) : json()},
          {"infra_retries", o.infra_retries},
          {"adaptive_repeats", o.adaptive_repeats ? json{{"max", o.repeats}, {"confidence", o.confidence}}
                                                  : json()},
          {"reuse", [&] {
             json sources = json::array();
             for (const auto& dir : o.reuse) sources.push_back(dir.string());
             return sources;
           }()}};
}

/// The campaign folder and what it holds already.
struct CampaignFolder {
  CampaignMetadata metadata;
  ExistingRecords existing;
};

Result<CampaignFolder> open_folder(const Suite& suite, const CampaignConfig& config,
                                   const RunOptions& options) {
  const auto records_path = options.out_dir / "records.jsonl";
  const auto metadata_path = options.out_dir / "campaign.json";
  CampaignFolder folder;
  LANDED_TRY(folder.existing, read_existing_records(records_path));
  const bool has_campaign = !folder.existing.records.empty() || std::filesystem::exists(metadata_path);
  if (has_campaign && !options.resume)
    return make_error("{} already holds a campaign ({} records): pass --resume to continue it, or "
                      "choose another --out", options.out_dir.string(), folder.existing.records.size());
  if (has_campaign && std::filesystem::exists(metadata_path)) {
    LANDED_TRY(folder.metadata, CampaignMetadata::load(metadata_path));
    folder.metadata.resumed_at.push_back(utc_now_iso8601());
    LANDED_TRY_STATUS(check_resume_contenders(folder.existing.records, folder.metadata.config,
                                              config));
  } else {
    folder.metadata.campaign_id = new_campaign_id();
    folder.metadata.started_at = utc_now_iso8601();
  }
  folder.metadata.finished_at.reset();
  folder.metadata.suite = suite_info(suite);
  folder.metadata.config = config_to_json(config);
  folder.metadata.options = options_json(options);
  folder.metadata.shard = options.shard;
  folder.metadata.harness = {kVersion, kGitCommit, kScoringVersion};
  folder.metadata.host = host_name();
  folder.metadata.extra["isolation"] = {{"mode", std::string(to_string(options.isolation))},
                                      {"missing", missing_guarantees(options.isolation, false)}};
  return folder;
}

Status write_metadata(const RunOptions& options, const CampaignMetadata& metadata) {
  return metadata.save(options.out_dir / "campaign.json");
}

}  // namespace

std::filesystem::path default_cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "landed";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".cache" / "landed";
  return std::filesystem::temp_directory_path() / "landed-cache";
}

namespace {

/// The attempts to run and everything their scheduling decides on: the dollar cap, the
/// per-provider limits, adaptive repeats. Every member is guarded by `mutex`.
class CampaignRun {
 public:
  CampaignRun(const CampaignConfig& config, const RunOptions& options,
              const std::vector<PlannedRun>& todo, const std::vector<Record>& existing)
      : options_(options), todo_(todo), cap_(options.max_usd, own_spend(existing)),
        reserved_(todo.size(), 0.0) {
    for (const Record& r : existing) note_outcome(r.task_id, r.contender.id, r.outcome);
    for (const auto& [provider, limit] : config.provider_limits) {
      group_index_[provider] = static_cast<int>(policy_.group_limits.size());
      policy_.group_limits.push_back(limit);
    }
    policy_.group_of = [this](std::size_t i) {
      auto it = group_index_.find(todo_[i].plan.contender->provider);
      return it == group_index_.end() ? -1 : it->second;
    };
    policy_.decide = [this](std::size_t i) { return decide(i); };
  }

  const SchedulePolicy& policy() const { return policy_; }
  /// Dollars of the attempts finished so far (the metering proxy adds those running now).
  double spent_now() {
    std::lock_guard lock(mutex);
    return cap_.spent();
  }
  std::mutex mutex;
  std::optional<Error> append_error;
  std::optional<std::string> stopped_reason;
  bool capped = false;
  std::size_t settled = 0;

  /// `retried_usd`: what tries that ended in infra_error and were run again cost: spent too.
  void finished(std::size_t i, const Record& record, double retried_usd) {
    std::lock_guard lock(mutex);
    cap_.finished(reserved_[i], record.cost_usd.value_or(0) + retried_usd);
    note_outcome(record.task_id, record.contender.id, record.outcome);
    --pairs_[pair_of(i)].in_flight;
  }

 private:
  struct PairState {
    int passes = 0;
    int scored = 0;
    int in_flight = 0;
  };

  static double own_spend(const std::vector<Record>& records) {
    double spent = 0;
    for (const Record& r : records)
      if (!r.reused_from) spent += r.cost_usd.value_or(0);
    return spent;
  }

  std::string pair_of(std::size_t i) const {
    return todo_[i].plan.task->id + "/" + todo_[i].plan.contender->id;
  }

  void note_outcome(const std::string& task, const std::string& contender, Outcome outcome) {
    if (outcome == Outcome::kInfraError) return;
    PairState& pair = pairs_[task + "/" + contender];
    ++pair.scored;
    if (outcome == Outcome::kPass) ++pair.passes;
  }

  /// The dollars an attempt may cost at most: its own max_usd limit; else the dearest earlier
  /// attempt in history; else the dearest attempt of this campaign so far (0 before the first).
  double worst_case(std::size_t i) const {
    if (auto limit = todo_[i].plan.contender->limits.max_usd) return *limit;
    if (todo_[i].forecast.high) return *todo_[i].forecast.high;
    return cap_.largest_attempt();
  }

  StartDecision decide(std::size_t i) {
    std::lock_guard lock(mutex);
    if (append_error || interrupted()) return StartDecision::kStop;
    PairState& pair = pairs_[pair_of(i)];
    if (options_.adaptive_repeats) {
      if (repeats_settled(pair.passes, pair.scored, options_.confidence)) {
        ++settled;
        return StartDecision::kSkip;
      }
      // The rule needs the earlier repeats' outcomes before deciding on the next one.
      if (pair.in_flight > 0) return StartDecision::kWait;
    }
    const double worst = worst_case(i);
    if (!cap_.try_start(worst)) {
      capped = true;
      stopped_reason = fmt::format(
          "the dollar cap of ${:.2f} was reached: ${:.4f} spent, ${:.4f} reserved by attempts in "
          "flight, ${:.4f} the next attempt's worst case", *options_.max_usd, cap_.spent(),
          cap_.reserved(), worst);
      return StartDecision::kStop;
    }
    reserved_[i] = worst;
    ++pair.in_flight;
    return StartDecision::kStart;
  }

  const RunOptions& options_;
  const std::vector<PlannedRun>& todo_;
  SpendCap cap_;
  std::vector<double> reserved_;
  std::map<std::string, PairState> pairs_;
  std::map<std::string, int> group_index_;
  SchedulePolicy policy_;
};

/// Copies the reusable records into the campaign, with their attempt files.
Status append_reused(const CampaignPlan& plan, const std::string& campaign_id,
                     const std::filesystem::path& out_dir, RecordsFile& records,
                     CampaignResult& result) {
  for (const PlannedReuse& reuse : plan.to_reuse) {
    Record record = reused_copy(*reuse.source, campaign_id, reuse.plan.attempt_id(),
                                reuse.plan.contender->id);
    copy_attempt_files(*reuse.source, out_dir);
    LANDED_TRY_STATUS(records.append(record));
    result.records.push_back(std::move(record));
    ++result.reused;
  }
  return ok_status();
}

AttemptCounts attempt_counts(const CampaignResult& result) {
  std::int64_t reused_total = 0;
  for (const Record& r : result.records)
    if (r.reused_from) ++reused_total;
  const auto recorded = static_cast<std::int64_t>(result.records.size());
  AttemptCounts counts;
  counts.planned = static_cast<std::int64_t>(result.planned);
  counts.recorded = recorded;
  counts.reused = reused_total;
  counts.run = recorded - reused_total;
  counts.ran_this_time = static_cast<std::int64_t>(result.ran);
  counts.skipped = static_cast<std::int64_t>(result.skipped);
  counts.reused_this_time = static_cast<std::int64_t>(result.reused);
  counts.settled_by_adaptive_repeats = static_cast<std::int64_t>(result.settled);
  return counts;
}

/// Every contender this campaign has attempts of (to run, to reuse or already recorded).
std::vector<std::string> planned_contenders(const CampaignPlan& plan,
                                            const std::vector<Record>& recorded) {
  std::set<std::string> ids;
  for (const PlannedRun& run : plan.to_run) ids.insert(run.plan.contender->id);
  for (const PlannedReuse& reuse : plan.to_reuse) ids.insert(reuse.plan.contender->id);
  for (const Record& r : recorded) ids.insert(r.contender.id);
  return {ids.begin(), ids.end()};
}

/// The metering proxy, when an attempt to run has a metered contender.
Result<std::unique_ptr<MeterProxy>> start_meter(const CampaignConfig& config, const RunOptions& options,
                                                const std::vector<PlannedRun>& todo, CampaignRun& run) {
  const bool needed = !todo.empty() && std::any_of(config.contenders.begin(), config.contenders.end(),
                                                   [](const Contender& c) { return wants_meter(c); });
  if (!needed) return std::unique_ptr<MeterProxy>();
  MeterProxyOptions meter;
  meter.upstream.ca_file = options.ca_file;
  meter.keep_traffic = options.keep_traffic;
  meter.campaign.max_usd = options.max_usd;
  meter.campaign.spent_elsewhere = [&run] { return run.spent_now(); };
  meter.threads = static_cast<std::size_t>(std::max(64, options.jobs * 8));
  auto proxy = MeterProxy::start(std::move(meter));
  if (!proxy.ok()) return proxy.error().with_context("metering proxy");
  return std::move(proxy).value();
}

}  // namespace

Result<CampaignResult> run_campaign(const Suite& suite, const CampaignConfig& config,
                                    const RunOptions& options) {
  LANDED_TRY(PriceTable prices,
             price_table_with_override(campaign_price_file(config, options.prices)));
  LANDED_TRY(ReusePool history, ReusePool::load(options.reuse));
  LANDED_TRY_STATUS(check_campaign_folder(options.out_dir));
  LANDED_TRY(CampaignLock lock, CampaignLock::acquire(options.out_dir));
  LANDED_TRY(CampaignFolder folder, open_folder(suite, config, options));
  LANDED_TRY(RecordsFile records, RecordsFile::open(options.out_dir / "records.jsonl"));

  CampaignResult result;
  result.campaign_id = folder.metadata.campaign_id;
  result.records = std::move(folder.existing.records);
  const CampaignPlan plan = plan_campaign(suite, config, options, history,
                                          folder.existing.attempt_keys);
  result.planned = plan.planned;
  result.skipped = plan.already_recorded;
  result.contenders = planned_contenders(plan, result.records);
  folder.metadata.status = "running";
  if (Status started = write_metadata(options, folder.metadata); !started.ok()) {
    result.failure = started.error();
    return result;
  }
  if (Status reused = append_reused(plan, result.campaign_id, options.out_dir, records, result);
      !reused.ok()) {
    result.failure = reused.error();
    return result;
  }

  BaseCache bases(options.cache_dir / "bases");
  SystemProcessRunner processes;
  AttemptContext context;
  context.bases = &bases;
  context.processes = &processes;
  context.campaign_dir = options.out_dir;
  context.work_root = options.out_dir / "sandboxes";
  context.campaign_id = result.campaign_id;
  context.keep_sandboxes = options.keep_sandboxes;
  context.isolation = options.isolation;
  context.price_usage = [&prices](const Usage& usage) {
    return compute_cost(usage, std::nullopt, prices).cost_usd;
  };
  context.price_record = [&prices](Record& r) {
    CostResult cost = compute_cost(r.usage, r.contender.model, prices);
    r.cost_usd = cost.cost_usd;
    r.price_status = std::string(to_string(cost.status));
    r.unpriced_models = cost.unpriced_models;
  };

  const std::vector<PlannedRun>& todo = plan.to_run;
  const std::vector<std::string> secrets = campaign_secrets(config);
  CampaignRun run(config, options, todo, result.records);
  LANDED_TRY(std::unique_ptr<MeterProxy> meter, start_meter(config, options, todo, run));
  context.meter = meter.get();
  context.keep_traffic = options.keep_traffic;
  if (options.observer) options.observer->campaign_started(todo.size());
  auto work = [&](std::size_t i) {
    Record record;
    double retried_usd = 0;
    for (int tries = 0;; ++tries) {
      record = run_attempt(todo[i].plan, context);
      record.infra_retries = tries;
      if (record.outcome != Outcome::kInfraError || tries >= options.infra_retries || interrupted())
        break;
      retried_usd += record.cost_usd.value_or(0);
      // The provider (or the machine) did not answer: wait, more each time, then try again.
      sleep_unless_interrupted(retry_delay(options.infra_backoff, tries + 1,
                                           std::hash<std::string>{}(todo[i].plan.attempt_id())));
    }
    scrub_record(record, secrets);
    scrub_folder(AttemptPaths(options.out_dir, todo[i].plan).dir(), secrets);
    if (interrupted()) {  // stopped by a signal: not a result; --resume runs it again
      run.finished(i, record, retried_usd);
      return;
    }
    Status appended = records.append(record);
    if (options.observer) options.observer->attempt_finished(record);
    run.finished(i, record, retried_usd);
    std::lock_guard lock(run.mutex);
    if (!appended.ok()) run.append_error = appended.error();
    else if (options.on_record) options.on_record(record);
    result.records.push_back(std::move(record));
    ++result.ran;
  };
  result.scheduler = run_scheduled(todo.size(), options.jobs, work, run.policy());
  if (options.observer) options.observer->campaign_finished();
  if (!options.keep_sandboxes) (void)remove_tree(context.work_root);
  result.capped = run.capped;
  result.stopped_reason = run.stopped_reason;
  result.settled = run.settled;
  result.interrupted_by = interrupt_signal();
  if (run.append_error) {
    result.failure = run.append_error->with_context("could not append a record");
    return result;
  }

  folder.metadata.finished_at = utc_now_iso8601();
  folder.metadata.status = result.interrupted_by ? "interrupted"
                           : result.capped        ? "capped"
                                                  : "complete";
  folder.metadata.attempts = attempt_counts(result);
  folder.metadata.stopped_reason = result.stopped_reason;
  folder.metadata.extra["scheduler"] = {{"jobs", result.scheduler.jobs},
                                        {"busy_fraction", result.scheduler.busy_fraction()}};
  folder.metadata.extra["prices"] = prices.source;
  if (Status finished = write_metadata(options, folder.metadata); !finished.ok())
    result.failure = finished.error();
  return result;
}

Result<CampaignPlan> dry_run_plan(const Suite& suite, const CampaignConfig& config,
                                  const RunOptions& options, const ReusePool& history) {
  std::set<std::string> recorded;
  const auto records_path = options.out_dir / "records.jsonl";
  if (options.resume && std::filesystem::exists(records_path)) {
    LANDED_TRY(ExistingRecords existing, read_existing_records(records_path));
    recorded = std::move(existing.attempt_keys);
  }
  return plan_campaign(suite, config, options, history, recorded);
}

}  // namespace landed
