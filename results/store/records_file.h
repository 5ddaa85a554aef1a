// A campaign's records file (records.jsonl): one JSON line per attempt, appended as each
// attempt finishes, flushed and fsynced so a crash loses at most the attempt in flight.
#pragma once

#include <filesystem>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "results/model/record.h"

namespace landed {

/// What a records file already holds, for --resume.
struct ExistingRecords {
  std::vector<Record> records;
  std::set<std::string> attempt_keys;
  std::int64_t torn_bytes = 0;   // bytes of an unterminated last line (a crash mid-write)
};

/// Reads every complete line. A torn last line (no newline) is counted, not an error; a
/// malformed complete line is an Error naming the file and line.
Result<ExistingRecords> read_existing_records(const std::filesystem::path& path);

class RecordsFile {
 public:
  /// Opens for appending, creating the file. A torn last line is cut off first, so the next
  /// record starts on a line of its own.
  static Result<RecordsFile> open(const std::filesystem::path& path);
  RecordsFile(RecordsFile&& other) noexcept;
  RecordsFile& operator=(RecordsFile&&) = delete;
  RecordsFile(const RecordsFile&) = delete;
  ~RecordsFile();

  /// Appends one line and fsyncs. Safe to call from several threads.
  Status append(const Record& record);

 private:
  RecordsFile(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}
  int fd_ = -1;
  std::filesystem::path path_;
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();
};

}  // namespace landed
