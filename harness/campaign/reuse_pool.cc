#include "harness/campaign/reuse_pool.h"

#include <fmt/format.h>

#include "harness/task/task.h"
#include "results/source/record_source.h"

namespace landed {
namespace {

std::string model_key(const std::string& runner, const std::optional<std::string>& model,
                      const std::optional<std::string>& effort) {
  return runner + "\x1f" + model.value_or("") + "\x1f" + effort.value_or("");
}

bool is_reusable(const Record& r) {
  return r.scoring_version == kScoringVersion && r.outcome != Outcome::kInfraError &&
         !r.contender.fingerprint.empty() && !r.task_digest.empty();
}

}  // namespace

std::string reuse_key(std::string_view task_id, std::string_view task_digest,
                      std::string_view contender_fingerprint, int repeat) {
  return fmt::format("{}#{}#{}#r{}", task_id, task_digest, contender_fingerprint, repeat);
}

Result<ReusePool> ReusePool::load(const std::vector<std::filesystem::path>& sources) {
  ReusePool pool;
  for (const auto& input : sources) {
    LANDED_TRY(RecordSource source, open_record_source(input));
    const std::filesystem::path dir =
        std::filesystem::is_directory(input) ? input : std::filesystem::path();
    auto read = read_source(source, [&](const Record& r) {
      pool.records_.push_back({r, dir});
      return ok_status();
    }, ReadDepth::kFull);
    if (!read.ok()) return read.error().with_context("reuse source " + input.string());
  }
  for (std::size_t i = 0; i < pool.records_.size(); ++i) {
    const Record& r = pool.records_[i].record;
    if (r.cost_usd) {
      pool.by_fingerprint_[r.contender.fingerprint][r.task_id].push_back(*r.cost_usd);
      pool.by_model_[model_key(r.contender.runner, r.contender.model, r.contender.effort)]
                       [r.task_id].push_back(*r.cost_usd);
    }
    if (!is_reusable(r)) continue;
    const std::string key = reuse_key(r.task_id, r.task_digest, r.contender.fingerprint, r.repeat) +
                            "#" + r.task_base_commit.value_or("");
    auto [it, inserted] = pool.reusable_.emplace(key, i);
    if (!inserted && pool.records_[it->second].record.finished_at < r.finished_at) it->second = i;
  }
  return pool;
}

const PooledRecord* ReusePool::reusable(const Task& task, const Contender& contender,
                                       int repeat) const {
  // A [repo] task is reused only on the very commit its rev resolves to now.
  if (task.repo && !task.resolved_base_commit) return nullptr;
  auto it = reusable_.find(reuse_key(task.id, task.digest, contender.fingerprint, repeat) + "#" +
                           task.resolved_base_commit.value_or(""));
  return it == reusable_.end() ? nullptr : &records_[it->second];
}

std::vector<double> ReusePool::costs(const Task& task, const Contender& contender) const {
  for (const auto* index : {&by_fingerprint_, &by_model_}) {
    const std::string key = index == &by_fingerprint_
                                ? contender.fingerprint
                                : model_key(contender.runner, contender.model, contender.effort);
    auto it = index->find(key);
    if (it == index->end()) continue;
    auto task_it = it->second.find(task.id);
    if (task_it != it->second.end()) return task_it->second;
  }
  return {};
}

std::vector<double> ReusePool::costs(const Contender& contender) const {
  for (const auto* index : {&by_fingerprint_, &by_model_}) {
    const std::string key = index == &by_fingerprint_
                                ? contender.fingerprint
                                : model_key(contender.runner, contender.model, contender.effort);
    auto it = index->find(key);
    if (it == index->end()) continue;
    std::vector<double> all;
    for (const auto& [task, costs] : it->second) all.insert(all.end(), costs.begin(), costs.end());
    return all;
  }
  return {};
}

Record reused_copy(const PooledRecord& source, const std::string& campaign_id,
                   const std::string& attempt_id, const std::string& contender_id) {
  Record r = source.record;
  // A record reused twice still points at the campaign that actually ran it.
  if (!r.reused_from) r.reused_from = ReusedFrom{r.campaign_id, r.attempt_id};
  r.campaign_id = campaign_id;
  r.attempt_id = attempt_id;
  r.contender.id = contender_id;
  return r;
}

void copy_attempt_files(const PooledRecord& source, const std::filesystem::path& campaign_dir) {
  if (source.campaign_dir.empty()) return;
  const Record& r = source.record;
  std::filesystem::path relative;
  for (const std::string& path : {r.agent.process.log_path, r.patch.path, r.agent.stderr_path})
    if (!path.empty()) {
      relative = std::filesystem::path(path).parent_path();
      break;
    }
  if (relative.empty()) return;
  std::error_code ec;
  const auto from = source.campaign_dir / relative;
  if (!std::filesystem::is_directory(from, ec)) return;
  std::filesystem::create_directories(campaign_dir / relative, ec);
  std::filesystem::copy(from, campaign_dir / relative,
                        std::filesystem::copy_options::recursive |
                            std::filesystem::copy_options::overwrite_existing, ec);
}

}  // namespace landed
