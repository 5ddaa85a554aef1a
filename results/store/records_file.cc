#include "results/store/records_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "results/model/record_json.h"
#include "results/model/record_parser.h"

namespace landed {

Result<ExistingRecords> read_existing_records(const std::filesystem::path& path) {
  ExistingRecords existing;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return existing;
  LANDED_TRY(existing.summary, for_each_record(path, [&existing](const Record& record) {
    existing.attempt_keys.insert(attempt_key(record));
    existing.records.push_back(record);
    return ok_status();
  }, ReadDepth::kFull));
  return existing;
}

namespace {

/// The bytes after the last newline.
Result<std::string> unterminated_tail(int fd, off_t size, const std::filesystem::path& path) {
  off_t start = size;
  char byte = 0;
  while (start > 0) {
    if (::pread(fd, &byte, 1, start - 1) != 1) return errno_error("pread", path.string());
    if (byte == '\n') break;
    --start;
  }
  std::string tail(static_cast<std::size_t>(size - start), '\0');
  if (!tail.empty() && ::pread(fd, tail.data(), tail.size(), start) != static_cast<ssize_t>(tail.size()))
    return errno_error("pread", path.string());
  return tail;
}

/// The one torn-line rule, as the reader applies it: a last line without a newline is torn
/// only when it does not parse. A torn one is cut off; a record gets its newline.
Status repair_tail(int fd, const std::filesystem::path& path) {
  const off_t size = ::lseek(fd, 0, SEEK_END);
  if (size <= 0) return ok_status();
  LANDED_TRY(std::string tail, unterminated_tail(fd, size, path));
  if (tail.find_first_not_of(" \t\r") == std::string::npos) return ok_status();
  RecordParser parser;
  Record record;
  const bool parses = parser.parse(tail, record).ok() || parser.fault() == LineFault::kBadValue;
  if (!parses) {
    if (::ftruncate(fd, size - static_cast<off_t>(tail.size())) != 0)
      return errno_error("ftruncate", path.string());
    return ok_status();
  }
  if (::write(fd, "\n", 1) != 1) return errno_error("write", path.string());
  return ok_status();
}

}  // namespace

Result<RecordsFile> RecordsFile::open(const std::filesystem::path& path) {
  UniqueFd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644));
  if (!fd.valid()) return errno_error("open", path.string());
  LANDED_TRY_STATUS(repair_tail(fd.get(), path));
  return RecordsFile(std::move(fd), path);
}

Status RecordsFile::write_all(std::string_view rest) {
  while (!rest.empty()) {
    const ssize_t n = ::write(fd_.get(), rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno_error("write", path_.string());
    rest.remove_prefix(static_cast<size_t>(n));
  }
  return ok_status();
}

Status RecordsFile::append(const Record& record) {
  const std::string line = to_json_line(record) + "\n";
  std::lock_guard lock(*mutex_);
  LANDED_TRY_STATUS(write_all(line));
  if (::fdatasync(fd_.get()) != 0) return errno_error("fdatasync", path_.string());
  return ok_status();
}

Status RecordsFile::append_buffered(const Record& record) {
  std::lock_guard lock(*mutex_);
  pending_ += to_json_line(record);
  pending_ += '\n';
  if (pending_.size() < (1u << 20)) return ok_status();
  LANDED_TRY_STATUS(write_all(pending_));
  pending_.clear();
  return ok_status();
}

Status RecordsFile::flush() {
  std::lock_guard lock(*mutex_);
  LANDED_TRY_STATUS(write_all(pending_));
  pending_.clear();
  if (::fdatasync(fd_.get()) != 0) return errno_error("fdatasync", path_.string());
  return ok_status();
}

}  // namespace landed
