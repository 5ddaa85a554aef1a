// The reuse pool (not the history database of results/history): earlier results a campaign can
// lean on, the records of earlier campaigns (folders, records files or the history database,
// all read through results/source/record_source.h).
// Two uses: reuse (an attempt that cannot have changed is copied, not run) and the dollar
// forecast of attempts that must run.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "results/model/record.h"
#include "runners/contender.h"

namespace landed {

struct Task;

struct PooledRecord {
  Record record;
  std::filesystem::path campaign_dir;   // where its attempt files are; empty if unknown
};

/// The identity reuse matches on: the task (id and content digest), the contender's definition
/// (fingerprint: runner, model, effort, command, args, env, env_from names, options, limits,
/// tool version), the repeat and, for a [repo] task, the commit its rev resolved to. The
/// contender's display id is deliberately not part of it, so
/// renaming a contender keeps its results.
std::string reuse_key(std::string_view task_id, std::string_view task_digest,
                      std::string_view contender_fingerprint, int repeat);

class ReusePool {
 public:
  /// Reads every record of every source (campaign folder or records.jsonl).
  static Result<ReusePool> load(const std::vector<std::filesystem::path>& sources);

  /// The record to reuse for this attempt, if one was made under this kScoringVersion and did
  /// not end in infra_error; the latest one when several match.
  const PooledRecord* reusable(const Task& task, const Contender& contender, int repeat) const;

  /// Dollar costs of earlier attempts of this contender on this task: by fingerprint, else by
  /// runner/model/effort (a changed flag rarely changes the price of an attempt).
  std::vector<double> costs(const Task& task, const Contender& contender) const;
  /// The same over every task: a fallback for tasks this contender never ran.
  std::vector<double> costs(const Contender& contender) const;

  std::size_t size() const { return records_.size(); }

 private:
  std::vector<PooledRecord> records_;
  std::map<std::string, std::size_t> reusable_;                 // reuse_key -> index
  std::map<std::string, std::map<std::string, std::vector<double>>> by_fingerprint_;  // fp -> task
  std::map<std::string, std::map<std::string, std::vector<double>>> by_model_;
};

/// Makes `source` a record of the new campaign: its campaign and attempt ids, its contender's
/// display id, and reused_from pointing at where it was first made.
Record reused_copy(const PooledRecord& source, const std::string& campaign_id,
                   const std::string& attempt_id, const std::string& contender_id);

/// Copies the attempt's files (logs, patch) from the source campaign folder into `campaign_dir`
/// at the same relative paths. Best effort: a source without its files keeps the record.
void copy_attempt_files(const PooledRecord& source, const std::filesystem::path& campaign_dir);

}  // namespace landed
