// A campaign's records file (records.jsonl): one JSON line per attempt, appended as each
// attempt finishes, flushed and fsynced so a crash loses at most the attempt in flight.
#pragma once

#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "harness/base/unique_fd.h"
#include "results/model/record.h"
#include "results/store/record_reader.h"

namespace landed {

/// What a records file already holds, for --resume.
struct ExistingRecords {
  std::vector<Record> records;
  std::set<std::string> attempt_keys;
  ReadSummary summary;            // torn, quarantined and duplicate lines
};

/// Reads every record through the records reader (record_reader.h), so --resume counts what
/// report counts: a valid last record without a newline is a record.
Result<ExistingRecords> read_existing_records(const std::filesystem::path& path);

class RecordsFile {
 public:
  /// Opens for appending, creating the file. A last line without a newline is repaired first,
  /// so the next record starts on a line of its own: a torn one (it does not parse) is cut
  /// off; a complete record gets its newline, never deleted.
  static Result<RecordsFile> open(const std::filesystem::path& path);
  RecordsFile(RecordsFile&& other) noexcept = default;
  RecordsFile& operator=(RecordsFile&&) = delete;
  RecordsFile(const RecordsFile&) = delete;

  /// Appends one line and fsyncs. Safe to call from several threads.
  Status append(const Record& record);
  /// Appends through a buffer written every 1 MiB, for bulk copies (merge); flush() writes
  /// the rest and fsyncs. Not for records a crash must not lose.
  Status append_buffered(const Record& record);
  Status flush();

 private:
  RecordsFile(UniqueFd fd, std::filesystem::path path) : fd_(std::move(fd)), path_(std::move(path)) {}
  Status write_all(std::string_view bytes);
  UniqueFd fd_;
  std::filesystem::path path_;
  std::string pending_;
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();
};

}  // namespace landed
