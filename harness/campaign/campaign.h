// A campaign: one `landed run` — every contender × task × repeat, run in parallel, each
// record appended as it finishes; metadata in campaign.json; resumable after a crash.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "harness/campaign/campaign_observer.h"
#include "harness/campaign/config.h"
#include "harness/campaign/retry_backoff.h"
#include "harness/campaign/scheduler.h"
#include "harness/process/isolation.h"
#include "harness/task/suite.h"
#include "results/model/record.h"
#include "results/model/shard_spec.h"

namespace landed {

struct RunOptions {
  std::filesystem::path out_dir;
  std::filesystem::path cache_dir;          // base commits are cached here across campaigns
  int jobs = 1;
  int repeats = 1;
  bool resume = false;
  bool keep_sandboxes = false;
  std::optional<Shard> shard;
  std::optional<double> max_usd;            // stop starting attempts once this is spent
  int infra_retries = 2;                    // an infra_error attempt is tried again this often
  RetryBackoff infra_backoff;               // how long to wait before each of those tries
  CampaignObserver* observer = nullptr;     // told of each attempt (progress); may be null
  /// Isolation of every agent, check and verify process; already selected (never kAuto): the
  /// CLI probes the machine (harness/process/isolation_probe.h). Recorded in campaign.json.
  IsolationMode isolation = IsolationMode::kNone;
  std::optional<std::filesystem::path> prices;  // a price file over the built-in table
  /// Earlier campaigns (or history) whose unchanged attempts are copied instead of run;
  /// empty with --fresh. See harness/campaign/reuse_pool.h for what "unchanged" means.
  std::vector<std::filesystem::path> reuse;
  bool adaptive_repeats = false;            // --repeats auto: `repeats` is then the maximum
  double confidence = 0.95;                 // of the adaptive-repeats rule
  /// The metering proxy (contenders with meter = true): CA file for HTTPS upstreams (else the
  /// system store), and whether request and reply bodies are kept (traffic.jsonl).
  std::optional<std::filesystem::path> ca_file;
  bool keep_traffic = false;
  /// Called with each record once it is appended (one call at a time), e.g. for the history.
  std::function<void(const Record&)> on_record;
};

struct CampaignResult {
  std::string campaign_id;
  std::vector<Record> records;              // every record of the campaign, resumed ones too
  std::size_t planned = 0;
  std::size_t skipped = 0;                  // already recorded (resume)
  std::size_t ran = 0;
  std::size_t reused = 0;                   // copied from history this time
  std::size_t settled = 0;                  // repeats adaptive repeats found uninformative
  bool capped = false;                      // the dollar cap stopped it; --resume continues
  int interrupted_by = 0;                   // SIGINT/SIGTERM stopped it; --resume continues
  std::optional<std::string> stopped_reason;  // e.g. the dollar cap
  /// Every contender (and route) id this campaign planned attempts of, run, reused or already
  /// recorded, sorted: `landed run` exits 3 when one of them had nothing measured.
  std::vector<std::string> contenders;
  SchedulerStats scheduler;
  /// Set when the campaign started but could not finish writing (a record or campaign.json
  /// could not be written): the records written so far stand; `landed run` exits 5.
  std::optional<Error> failure;
};

/// Runs the campaign. An Error means it could not start (bad output folder, a campaign already
/// there without --resume); attempts that fail become records; a campaign that started and
/// could not go on says so in `failure`.
Result<CampaignResult> run_campaign(const Suite& suite, const CampaignConfig& config,
                                    const RunOptions& options);

struct CampaignPlan;
class ReusePool;
/// The plan `landed run --dry-run` prints: nothing is written.
Result<CampaignPlan> dry_run_plan(const Suite& suite, const CampaignConfig& config,
                                  const RunOptions& options, const ReusePool& history);

/// The default cache folder: $XDG_CACHE_HOME/landed or ~/.cache/landed.
std::filesystem::path default_cache_dir();

}  // namespace landed
