#include "harness/campaign/campaign.h"

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <random>

#include <nlohmann/json.hpp>

#include "harness/base/clock.h"
#include "harness/base/files.h"
#include "harness/base/sha256.h"
#include "harness/campaign/attempt.h"
#include "harness/campaign/progress.h"
#include "landed/version.h"
#include "results/store/records_file.h"
#include "scoring/cost.h"

namespace landed {
namespace {

using nlohmann::json;
constexpr int kMetadataSchema = 1;

bool in_shard(const std::string& attempt_id, const std::optional<Shard>& shard) {
  if (!shard || shard->count <= 1) return true;
  const std::uint64_t hash = std::stoull(sha256_hex(attempt_id).substr(0, 15), nullptr, 16);
  return static_cast<int>(hash % static_cast<std::uint64_t>(shard->count)) == shard->index - 1;
}

/// Repeat-major order: an interrupted campaign has covered every task and contender evenly.
std::vector<AttemptPlan> plan_attempts(const Suite& suite, const CampaignConfig& config,
                                       const RunOptions& options) {
  std::vector<AttemptPlan> plans;
  for (int repeat = 0; repeat < options.repeats; ++repeat)
    for (const Task& task : suite.tasks)
      for (const Contender& contender : config.contenders) {
        AttemptPlan plan{&task, &contender, repeat};
        if (in_shard(plan.attempt_id(), options.shard)) plans.push_back(plan);
      }
  return plans;
}

std::string new_campaign_id() {
  std::random_device random;
  std::string stamp = utc_now_iso8601().substr(0, 19);
  std::erase_if(stamp, [](char c) { return c == '-' || c == ':'; });
  return fmt::format("{}-{:06x}", stamp, random() & 0xffffff);
}

json suite_json(const Suite& suite) {
  return {{"name", suite.name}, {"dir", suite.dir.string()}, {"digest", suite.digest},
          {"tasks", suite.tasks.size()}};
}

json options_json(const RunOptions& o) {
  return {{"jobs", o.jobs},
          {"repeats", o.repeats},
          {"shard", o.shard ? json(fmt::format("{}/{}", o.shard->index, o.shard->count)) : json()},
          {"max_usd", o.max_usd ? json(*o.max_usd) : json()},
          {"infra_retries", o.infra_retries}};
}

/// The campaign folder and what it holds already.
struct CampaignFolder {
  json metadata;
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
    LANDED_TRY(std::string text, read_file(metadata_path));
    folder.metadata = json::parse(text, nullptr, false);
    if (folder.metadata.is_discarded() || !folder.metadata.contains("campaign_id"))
      return make_error("{}: not a campaign metadata file", metadata_path.string());
    folder.metadata["resumed_at"].push_back(utc_now_iso8601());
  } else {
    folder.metadata = {{"schema", kMetadataSchema},
                       {"campaign_id", new_campaign_id()},
                       {"started_at", utc_now_iso8601()},
                       {"resumed_at", json::array()}};
  }
  folder.metadata["finished_at"] = nullptr;
  folder.metadata["suite"] = suite_json(suite);
  folder.metadata["config"] = config_to_json(config);
  folder.metadata["options"] = options_json(options);
  folder.metadata["harness"] = {{"version", kVersion}, {"commit", kGitCommit}};
  folder.metadata["host"] = host_name();
  return folder;
}

Status write_metadata(const RunOptions& options, const json& metadata) {
  return write_file_atomic(options.out_dir / "campaign.json", metadata.dump(2) + "\n");
}

}  // namespace

Result<Shard> parse_shard(std::string_view text) {
  Shard shard;
  const auto slash = text.find('/');
  try {
    if (slash == std::string_view::npos) throw std::invalid_argument("no slash");
    shard.index = std::stoi(std::string(text.substr(0, slash)));
    shard.count = std::stoi(std::string(text.substr(slash + 1)));
  } catch (const std::exception&) {
    return make_error("--shard {}: expected K/N, e.g. 2/8", text);
  }
  if (shard.count < 1 || shard.index < 1 || shard.index > shard.count)
    return make_error("--shard {}: K must be between 1 and N", text);
  return shard;
}

std::filesystem::path default_cache_dir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg)
    return std::filesystem::path(xdg) / "landed";
  if (const char* home = std::getenv("HOME"); home && *home)
    return std::filesystem::path(home) / ".cache" / "landed";
  return std::filesystem::temp_directory_path() / "landed-cache";
}

Result<CampaignResult> run_campaign(const Suite& suite, const CampaignConfig& config,
                                    const RunOptions& options) {
  LANDED_TRY(PriceTable prices, price_table_with_override(options.prices ? options.prices
                                                                          : config.prices));
  LANDED_TRY_STATUS(make_directories(options.out_dir));
  LANDED_TRY(CampaignFolder folder, open_folder(suite, config, options));
  LANDED_TRY(RecordsFile records, RecordsFile::open(options.out_dir / "records.jsonl"));

  CampaignResult result;
  result.campaign_id = folder.metadata["campaign_id"].get<std::string>();
  result.records = std::move(folder.existing.records);
  std::vector<AttemptPlan> todo;
  for (const AttemptPlan& plan : plan_attempts(suite, config, options)) {
    ++result.planned;
    if (folder.existing.attempt_keys.count(plan.attempt_key())) ++result.skipped;
    else todo.push_back(plan);
  }
  LANDED_TRY_STATUS(write_metadata(options, folder.metadata));

  BaseCache bases(options.cache_dir / "bases");
  SystemProcessRunner processes;
  AttemptContext context;
  context.bases = &bases;
  context.processes = &processes;
  context.campaign_dir = options.out_dir;
  context.work_root = options.out_dir / "sandboxes";
  context.campaign_id = result.campaign_id;
  context.keep_sandboxes = options.keep_sandboxes;
  context.price_usage = [&prices](const Usage& usage) {
    return compute_cost(usage, std::nullopt, prices).cost_usd;
  };
  context.price_record = [&prices](Record& r) {
    CostResult cost = compute_cost(r.usage, r.contender.model, prices);
    r.cost_usd = cost.cost_usd;
    r.price_status = std::string(to_string(cost.status));
    r.unpriced_models = cost.unpriced_models;
  };

  double spent = 0;
  for (const Record& r : result.records) spent += r.cost_usd.value_or(0);
  std::mutex mutex;
  std::optional<Error> append_error;
  ProgressLine progress(options.progress, todo.size());
  auto work = [&](std::size_t i) {
    Record record;
    for (int tries = 0;; ++tries) {
      record = run_attempt(todo[i], context);
      record.infra_retries = tries;
      if (record.outcome != Outcome::kInfraError || tries >= options.infra_retries) break;
    }
    Status appended = records.append(record);
    progress.attempt_finished(record.outcome);
    std::lock_guard lock(mutex);
    if (!appended.ok()) append_error = appended.error();
    else if (options.on_record) options.on_record(record);
    spent += record.cost_usd.value_or(0);
    result.records.push_back(std::move(record));
    ++result.ran;
  };
  auto should_stop = [&] {
    std::lock_guard lock(mutex);
    if (append_error) return true;
    if (options.max_usd && spent >= *options.max_usd) {
      result.stopped_reason = fmt::format("the dollar cap of ${:.2f} was reached (${:.2f} spent)",
                                          *options.max_usd, spent);
      return true;
    }
    return false;
  };
  result.scheduler = run_parallel(todo.size(), options.jobs, work, should_stop);
  progress.finish();
  if (!options.keep_sandboxes) (void)remove_tree(context.work_root);
  if (append_error) return append_error->with_context("could not append a record");

  folder.metadata["finished_at"] = utc_now_iso8601();
  folder.metadata["attempts"] = {{"planned", result.planned}, {"recorded", result.records.size()},
                                 {"ran_this_time", result.ran}, {"skipped", result.skipped}};
  folder.metadata["stopped_reason"] = result.stopped_reason ? json(*result.stopped_reason) : json();
  folder.metadata["scheduler"] = {{"jobs", result.scheduler.jobs},
                                  {"busy_fraction", result.scheduler.busy_fraction()}};
  folder.metadata["prices"] = prices.source;
  LANDED_TRY_STATUS(write_metadata(options, folder.metadata));
  return result;
}

}  // namespace landed
