#include "harness/campaign/merge.h"

#include "harness/campaign/campaign_lock.h"

#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "harness/base/clock.h"
#include "harness/base/files.h"
#include "results/store/records_file.h"

namespace landed {
namespace {

using nlohmann::json;

struct ShardFolder {
  std::filesystem::path dir;
  json metadata;
  std::vector<Record> records;
  int index = 0;   // 1-based K; 0 for an unsharded campaign
  int count = 1;
};

Result<ShardFolder> read_shard(const std::filesystem::path& dir) {
  ShardFolder shard;
  shard.dir = dir;
  LANDED_TRY(std::string text, read_file(dir / "campaign.json"));
  shard.metadata = json::parse(text, nullptr, false);
  if (shard.metadata.is_discarded() || !shard.metadata.contains("campaign_id"))
    return make_error("{}: not a campaign metadata file", (dir / "campaign.json").string());
  LANDED_TRY(ExistingRecords existing, read_existing_records(dir / "records.jsonl"));
  shard.records = std::move(existing.records);
  const json shard_text = shard.metadata.value("options", json::object()).value("shard", json());
  if (shard_text.is_string()) {
    const std::string s = shard_text.get<std::string>();
    shard.index = std::stoi(s.substr(0, s.find('/')));
    shard.count = std::stoi(s.substr(s.find('/') + 1));
  }
  return shard;
}

/// What must be equal for shards to be one campaign: the suite, the contenders as defined, the
/// repeats and the number of shards.
json identity(const ShardFolder& s) {
  json contenders = json::array();
  for (const json& c : s.metadata.value("config", json::object()).value("contenders", json::array()))
    contenders.push_back({c.value("id", ""), c.value("fingerprint", "")});
  const json options = s.metadata.value("options", json::object());
  return {{"suite digest", s.metadata.value("suite", json::object()).value("digest", "")},
          {"contenders", contenders},
          {"repeats", options.value("repeats", json())},
          {"adaptive repeats", options.value("adaptive_repeats", json())},
          {"shard count", s.count}};
}

/// Every scoring version the shards' metadata and records name, each with where it was first seen.
using ScoringVersions = std::map<int, std::string>;

ScoringVersions scoring_versions(const std::vector<ShardFolder>& shards) {
  ScoringVersions versions;
  for (const ShardFolder& s : shards) {
    const json harness = s.metadata.value("harness", json::object());
    if (harness.contains("scoring_version") && harness["scoring_version"].is_number_integer())
      versions.emplace(harness["scoring_version"].get<int>(), (s.dir / "campaign.json").string());
    for (const Record& r : s.records)
      if (r.scoring_version && !versions.count(*r.scoring_version))
        versions.emplace(*r.scoring_version, fmt::format("{} ({})", s.dir.string(), r.attempt_id));
  }
  return versions;
}

/// Shards scored by different landed versions do not add up to one campaign: a rerun shard's
/// outcomes or costs may have been computed differently.
Status check_one_scoring_version(const ScoringVersions& versions) {
  if (versions.size() <= 1) return ok_status();
  auto first = versions.begin(), second = std::next(first);
  return make_error("the shards were scored by different landed versions (scoring version {} in {}, "
                    "{} in {}): rerun the older shards with one landed, or pass "
                    "--allow-mixed-versions to merge them anyway",
                    first->first, first->second, second->first, second->second);
}

Status check_compatible(const std::vector<ShardFolder>& shards) {
  const json first = identity(shards.front());
  std::set<int> seen;
  for (const ShardFolder& s : shards) {
    const json mine = identity(s);
    for (const auto& [what, value] : first.items())
      if (mine[what] != value)
        return make_error("{} and {} are not shards of one campaign: different {} ({} vs {})",
                          shards.front().dir.string(), s.dir.string(), what, value.dump(),
                          mine[what].dump());
    if (s.index > 0 && !seen.insert(s.index).second)
      return make_error("shard {}/{} is given twice ({})", s.index, s.count, s.dir.string());
  }
  return ok_status();
}

void copy_attempts(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::error_code ec;
  if (!std::filesystem::is_directory(from / "attempts", ec)) return;
  std::filesystem::copy(from / "attempts", to / "attempts",
                        std::filesystem::copy_options::recursive |
                            std::filesystem::copy_options::skip_existing, ec);
}

json merged_metadata(const std::vector<ShardFolder>& shards, const std::string& campaign_id,
                     std::size_t records, const std::vector<int>& missing,
                     const ScoringVersions& versions) {
  json metadata = shards.front().metadata;
  metadata["scoring_versions"] = json::array();
  for (const auto& [version, where] : versions) metadata["scoring_versions"].push_back(version);
  metadata["campaign_id"] = campaign_id;
  metadata["options"]["shard"] = nullptr;
  metadata["merged_at"] = utc_now_iso8601();
  metadata["merged_from"] = json::array();
  bool capped = false;
  std::size_t planned = 0, reused = 0;
  for (const ShardFolder& s : shards) {
    metadata["merged_from"].push_back(
        {{"campaign_id", s.metadata["campaign_id"]}, {"dir", s.dir.string()},
         {"shard", s.index > 0 ? json(fmt::format("{}/{}", s.index, s.count)) : json()},
         {"status", s.metadata.value("status", json())}});
    capped = capped || s.metadata.value("status", "") == "capped";
    const json attempts = s.metadata.value("attempts", json::object());
    planned += attempts.value("planned", std::size_t{0});
    reused += attempts.value("reused", std::size_t{0});
  }
  metadata["missing_shards"] = missing;
  metadata["status"] = capped ? "capped" : (missing.empty() ? "complete" : "incomplete");
  metadata["attempts"] = {{"planned", planned}, {"recorded", records}, {"reused", reused},
                          {"run", records - reused}};
  return metadata;
}

}  // namespace

Result<MergeResult> merge_campaigns(const std::vector<std::filesystem::path>& dirs,
                                    const std::filesystem::path& out,
                                    const MergeOptions& options) {
  if (dirs.empty()) return make_error("nothing to merge: name the shard campaign folders");
  std::vector<ShardFolder> shards;
  for (const auto& dir : dirs) {
    auto shard = read_shard(dir);
    if (!shard.ok()) return shard.error().with_context("shard " + dir.string());
    shards.push_back(std::move(shard).value());
  }
  LANDED_TRY_STATUS(check_compatible(shards));
  const ScoringVersions versions = scoring_versions(shards);
  if (!options.allow_mixed_versions) LANDED_TRY_STATUS(check_one_scoring_version(versions));
  std::map<std::string, std::string> owner;  // attempt id -> shard folder
  for (const ShardFolder& s : shards)
    for (const Record& r : s.records)
      if (auto [it, fresh] = owner.emplace(r.attempt_id, s.dir.string()); !fresh)
        return make_error("attempt {} is recorded in both {} and {}", r.attempt_id, it->second,
                          s.dir.string());
  std::error_code ec;
  if (std::filesystem::exists(out / "records.jsonl", ec) ||
      std::filesystem::exists(out / "campaign.json", ec))
    return make_error("{} already holds a campaign: merge into a new folder", out.string());
  LANDED_TRY(CampaignLock lock, CampaignLock::acquire(out));  // creates it; one writer at a time

  MergeResult result;
  const std::string stamp = shards.front().metadata["campaign_id"].get<std::string>();
  result.campaign_id = stamp + "-merged";
  std::set<int> present;
  for (const ShardFolder& s : shards) present.insert(s.index);
  for (int k = 1; shards.front().count > 1 && k <= shards.front().count; ++k)
    if (!present.count(k)) result.missing_shards.push_back(k);
  LANDED_TRY(RecordsFile records, RecordsFile::open(out / "records.jsonl"));
  for (const ShardFolder& s : shards) {
    for (Record r : s.records) {
      r.campaign_id = result.campaign_id;
      LANDED_TRY_STATUS(records.append(r));
      ++result.records;
    }
    copy_attempts(s.dir, out);
  }
  const json metadata = merged_metadata(shards, result.campaign_id, result.records,
                                        result.missing_shards, versions);
  LANDED_TRY_STATUS(write_file_atomic(out / "campaign.json", metadata.dump(2) + "\n"));
  return result;
}

}  // namespace landed
