#include "harness/campaign/merge.h"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "harness/base/clock.h"
#include "harness/base/files.h"
#include "harness/campaign/campaign_lock.h"
#include "results/model/campaign_metadata.h"
#include "results/store/records_file.h"

namespace landed {
namespace {

using nlohmann::json;

struct ShardFolder {
  std::filesystem::path dir;
  CampaignMetadata metadata;
  bool has_records = false;
  ReadSummary read;          // the first pass: counts, torn, quarantined, duplicates
  int index = 0;             // 1-based K; 0 for an unsharded campaign
  int count = 1;
};

Result<ShardFolder> read_shard(const std::filesystem::path& dir) {
  ShardFolder shard;
  shard.dir = dir;
  LANDED_TRY(shard.metadata, CampaignMetadata::load(dir / "campaign.json"));
  if (shard.metadata.shard) {
    shard.index = shard.metadata.shard->index;
    shard.count = shard.metadata.shard->count;
  }
  std::error_code ec;
  shard.has_records = std::filesystem::is_regular_file(dir / "records.jsonl", ec);
  return shard;
}

/// What must be equal for shards to be one campaign: the suite, the contenders as defined, the
/// repeats and the number of shards.
json identity(const ShardFolder& s) {
  json contenders = json::array();
  const json& config = s.metadata.config;
  if (config.is_object() && config.contains("contenders") && config.at("contenders").is_array())
    for (const json& c : config.at("contenders"))
      if (c.is_object()) contenders.push_back({c.value("id", json()), c.value("fingerprint", json())});
  const json& options = s.metadata.options;
  return {{"suite digest", s.metadata.suite.digest},
          {"contenders", contenders},
          {"repeats", options.value("repeats", json())},
          {"adaptive repeats", options.value("adaptive_repeats", json())},
          {"shard count", s.count}};
}

/// Every scoring version the shards' metadata and records name, each with where it was first seen.
using ScoringVersions = std::map<int, std::string>;

/// The versions the shards' campaign.json name; scan_records adds the records' own.
ScoringVersions metadata_scoring_versions(const std::vector<ShardFolder>& shards) {
  ScoringVersions versions;
  for (const ShardFolder& s : shards)
    if (s.metadata.harness.scoring_version)
      versions.emplace(*s.metadata.harness.scoring_version, (s.dir / "campaign.json").string());
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

/// First pass over every shard's records: counts them, notes the scoring versions they were
/// made by and refuses an attempt in two shards. Streams; only a hash per attempt is held.
Status scan_records(std::vector<ShardFolder>& shards, ScoringVersions& versions) {
  std::unordered_map<std::uint64_t, std::size_t> owner;  // hash of attempt id -> shard
  for (std::size_t k = 0; k < shards.size(); ++k) {
    ShardFolder& s = shards[k];
    if (!s.has_records) continue;
    auto read = for_each_record(s.dir / "records.jsonl", [&](const Record& r) -> Status {
      auto [it, fresh] = owner.emplace(std::hash<std::string>{}(r.attempt_id), k);
      if (!fresh && it->second != k)
        return make_error("attempt {} is recorded in both {} and {}", r.attempt_id,
                          shards[it->second].dir.string(), s.dir.string());
      if (r.scoring_version && !versions.count(*r.scoring_version))
        versions.emplace(*r.scoring_version, fmt::format("{} ({})", s.dir.string(), r.attempt_id));
      return ok_status();
    }, ReadDepth::kSummary);
    if (!read.ok()) return read.error().with_context("shard " + s.dir.string());
    s.read = std::move(*read);
  }
  return ok_status();
}

/// Why the merged campaign is missing records, one phrase per cause; empty when it is whole.
std::vector<std::string> missing_records(const std::vector<ShardFolder>& shards,
                                         const std::vector<int>& missing_shards) {
  std::vector<std::string> why;
  for (int k : missing_shards) why.push_back(fmt::format("shard {} not given", k));
  for (const ShardFolder& s : shards) {
    const std::string name = s.dir.string();
    const std::string status = s.metadata.status.value_or("running");
    if (!s.has_records) why.push_back(fmt::format("{} has no records.jsonl", name));
    if (s.read.torn_lines) why.push_back(fmt::format("{} ends in a torn line", name));
    if (s.read.quarantined)
      why.push_back(fmt::format("{} has {} quarantined line(s)", name, s.read.quarantined));
    if (status != "complete" && status != "capped")
      why.push_back(fmt::format("{} is {}", name, status));
    std::int64_t planned = s.metadata.attempts ? s.metadata.attempts->planned : 0;
    if (status != "capped" && s.read.records < planned)
      why.push_back(fmt::format("{} holds {} of {} planned records", name, s.read.records, planned));
  }
  return why;
}

CampaignMetadata merged_metadata(const std::vector<ShardFolder>& shards, const MergeResult& result,
                                 const ScoringVersions& versions) {
  CampaignMetadata metadata = shards.front().metadata;
  metadata.campaign_id = result.campaign_id;
  metadata.scoring_versions.emplace();
  for (const auto& [version, where] : versions) metadata.scoring_versions->push_back(version);
  metadata.shard.reset();
  metadata.merged_at = utc_now_iso8601();
  metadata.merged_from = json::array();
  AttemptCounts counts;
  for (const ShardFolder& s : shards) {
    metadata.merged_from.push_back(
        {{"campaign_id", s.metadata.campaign_id}, {"dir", s.dir.string()},
         {"shard", s.index > 0 ? json(fmt::format("{}/{}", s.index, s.count)) : json()},
         {"status", s.metadata.status ? json(*s.metadata.status) : json()}});
    if (s.metadata.attempts) {
      counts.planned += s.metadata.attempts->planned;
      counts.reused += s.metadata.attempts->reused;
    }
  }
  counts.recorded = static_cast<std::int64_t>(result.records);
  counts.run = counts.recorded - counts.reused;
  metadata.attempts = counts;
  metadata.missing_shards = result.missing_shards;
  metadata.status = result.status;
  if (!result.incomplete.empty()) metadata.extra["incomplete_because"] = result.incomplete;
  return metadata;
}

void copy_attempts(const std::filesystem::path& from, const std::filesystem::path& to) {
  std::error_code ec;
  if (!std::filesystem::is_directory(from / "attempts", ec)) return;
  std::filesystem::copy(from / "attempts", to / "attempts",
                        std::filesystem::copy_options::recursive |
                            std::filesystem::copy_options::skip_existing, ec);
}

/// Refuses an --out that holds anything: the merge renames a whole folder into place.
Status check_out(const std::filesystem::path& out) {
  std::error_code ec;
  if (std::filesystem::exists(out / "records.jsonl", ec) ||
      std::filesystem::exists(out / "campaign.json", ec))
    return make_error("{} already holds a campaign: merge into a new folder", out.string());
  if (std::filesystem::exists(out, ec) &&
      (!std::filesystem::is_directory(out, ec) || !std::filesystem::is_empty(out, ec)))
    return make_error("{} is not an empty folder: merge into a new folder", out.string());
  return ok_status();
}

/// Writes the merged campaign into `dir` (the temporary folder).
Status write_merged(const std::vector<ShardFolder>& shards, const ScoringVersions& versions,
                    const std::filesystem::path& dir, MergeResult& result) {
  LANDED_TRY(RecordsFile records, RecordsFile::open(dir / "records.jsonl"));
  for (const ShardFolder& s : shards) {
    if (!s.has_records) continue;
    LANDED_TRY_STATUS(for_each_record(s.dir / "records.jsonl", [&](const Record& r) -> Status {
      Record copy = r;
      copy.campaign_id = result.campaign_id;
      LANDED_TRY_STATUS(records.append_buffered(copy));
      ++result.records;
      return ok_status();
    }, ReadDepth::kFull));
    copy_attempts(s.dir, dir);
  }
  LANDED_TRY_STATUS(records.flush());
  return merged_metadata(shards, result, versions).save(dir / "campaign.json");
}

/// Moves the finished temporary folder to `out` (an empty folder there is replaced).
Status move_into_place(TempDir& temp, const std::filesystem::path& out) {
  std::error_code ec;
  if (std::filesystem::is_directory(out, ec)) std::filesystem::remove(out, ec);
  if (std::rename(temp.path().c_str(), out.c_str()) != 0)
    return errno_error("rename", temp.path().string() + " -> " + out.string());
  temp.keep();
  return ok_status();
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
  ScoringVersions versions = metadata_scoring_versions(shards);
  LANDED_TRY_STATUS(scan_records(shards, versions));
  if (!options.allow_mixed_versions) LANDED_TRY_STATUS(check_one_scoring_version(versions));
  LANDED_TRY_STATUS(check_out(out));

  MergeResult result;
  result.campaign_id = shards.front().metadata.campaign_id + "-merged";
  std::set<int> present;
  for (const ShardFolder& s : shards) present.insert(s.index);
  for (int k = 1; shards.front().count > 1 && k <= shards.front().count; ++k)
    if (!present.count(k)) result.missing_shards.push_back(k);
  result.incomplete = missing_records(shards, result.missing_shards);
  bool capped = false;
  for (const ShardFolder& s : shards) capped = capped || s.metadata.status == "capped";
  result.status = !result.incomplete.empty() ? "incomplete" : capped ? "capped" : "complete";

  // Everything is written into a temporary sibling and renamed: a failed merge leaves no
  // half-written --out to block the retry.
  const std::filesystem::path absolute = std::filesystem::absolute(out).lexically_normal();
  const std::filesystem::path parent = absolute.has_filename() ? absolute.parent_path()
                                                               : absolute.parent_path().parent_path();
  LANDED_TRY(TempDir temp, TempDir::create(parent, ".landed-merge-"));
  // Marked and locked like a run's folder; the lock moves with it into place.
  LANDED_TRY(CampaignLock lock, CampaignLock::acquire(temp.path()));
  LANDED_TRY_STATUS(write_merged(shards, versions, temp.path(), result));
  LANDED_TRY_STATUS(move_into_place(temp, out));
  return result;
}

}  // namespace landed
