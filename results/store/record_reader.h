// The one reader of a campaign's records.jsonl: one record at a time, in bounded memory, so
// nothing over millions of records holds them all. resume, report, ingest, merge, publish and
// the history database all read through it (the database through its RecordGate).
//
// One torn-line rule: the last line is torn only when it has no newline AND does not parse;
// a valid last record without a newline is a record. A torn last line is tolerated and
// counted; a line that is not JSON anywhere else is an error naming file:line (the file is
// corrupt). Records are validated: a line whose values a record cannot hold (see LineFault)
// is quarantined, and a second line for an attempt already read (same campaign and attempt
// id) is a duplicate: both are skipped, counted and named, so every command counts alike.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

#include "harness/base/error.h"
#include "results/model/record.h"
#include "results/model/record_parser.h"

namespace landed {

struct ReadSummary {
  std::int64_t records = 0;     // records handed to the callback
  std::int64_t lines = 0;       // lines seen, blank ones included
  std::int64_t torn_lines = 0;  // 0 or 1: an unparsable final line without a newline
  std::int64_t quarantined = 0; // lines holding values a record cannot hold, skipped
  std::int64_t duplicates = 0;  // second lines for an attempt already read, skipped
  /// "file:line: why" for the first kMaxProblems quarantined or duplicate lines.
  std::vector<std::string> problems;
  static constexpr std::size_t kMaxProblems = 20;

  /// Adds another source's (or shard's) counts and problems.
  void add(const ReadSummary& other);
  /// One line for stderr ("landed: warning: ..."), empty when nothing was skipped.
  std::string warning() const;
};

/// Called once per record. The Record is reused between calls: copy what you keep.
/// An error from the callback stops the read and is returned.
using RecordCallback = std::function<Status(const Record&)>;
/// The same with the line's JSON text, for a writer that stores the line as read.
using RecordLineCallback = std::function<Status(const Record&, std::string_view line)>;

Result<ReadSummary> for_each_record(const std::filesystem::path& path,
                                    const RecordCallback& callback,
                                    ReadDepth depth = ReadDepth::kSummary);

/// Called with the shard (0..shards-1) that read the record. Shards run on their own
/// threads, so calls for different shards are concurrent; within a shard, file order.
using ShardCallback = std::function<Status(int shard, const Record&)>;

Result<ReadSummary> for_each_record_line(const std::filesystem::path& path,
                                         const RecordLineCallback& callback,
                                         ReadDepth depth = ReadDepth::kFull);

/// What the reader checks after parsing, shared with the history's reader: duplicates across
/// every shard of one read (thread-safe) and the list of problems.
class RecordGate {
 public:
  /// False when this read already passed on this campaign's attempt id.
  bool first_sighting(const Record& record);
  /// Adds "where: why" to the summary's problems (up to kMaxProblems).
  static void note(ReadSummary& summary, std::string problem);

 private:
  std::mutex mutex_;
  std::unordered_set<std::uint64_t> seen_;  // hashes of campaign id + attempt id
};

/// Splits the file into `shards` byte ranges at line boundaries and reads them in parallel
/// (one thread each; fewer shards for a small file). Errors still name file:line.
Result<ReadSummary> for_each_record_sharded(const std::filesystem::path& path, int shards,
                                            const ShardCallback& callback,
                                            ReadDepth depth = ReadDepth::kSummary);

/// How many shards a file of `bytes` deserves on this machine: 1 below 32 MiB, else up to
/// the hardware threads (at most 8).
int default_shards(std::uintmax_t bytes);

}  // namespace landed
