#include "results/store/records_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

#include "results/model/record_json.h"

namespace landed {

Result<ExistingRecords> read_existing_records(const std::filesystem::path& path) {
  ExistingRecords existing;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    if (!std::filesystem::exists(path)) return existing;
    return errno_error("open", path.string());
  }
  std::string line;
  std::int64_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    if (in.eof()) {  // no newline after it: the write was cut off
      existing.torn_bytes = static_cast<std::int64_t>(line.size());
      break;
    }
    if (line.empty()) continue;
    auto record = parse_record_line(line);
    if (!record.ok())
      return record.error().with_context(fmt::format("{}:{}", path.string(), line_number));
    existing.attempt_keys.insert(attempt_key(*record));
    existing.records.push_back(std::move(record).value());
  }
  return existing;
}

static Status cut_torn_tail(int fd, const std::filesystem::path& path) {
  const off_t size = ::lseek(fd, 0, SEEK_END);
  if (size <= 0) return ok_status();
  // Walk back to the last newline; everything after it is a partial record.
  off_t keep = size;
  char byte = 0;
  while (keep > 0) {
    if (::pread(fd, &byte, 1, keep - 1) != 1) return errno_error("pread", path.string());
    if (byte == '\n') break;
    --keep;
  }
  if (keep != size && ::ftruncate(fd, keep) != 0) return errno_error("ftruncate", path.string());
  return ok_status();
}

Result<RecordsFile> RecordsFile::open(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return errno_error("open", path.string());
  if (Status cut = cut_torn_tail(fd, path); !cut.ok()) {
    ::close(fd);
    return cut.error();
  }
  return RecordsFile(fd, path);
}

RecordsFile::RecordsFile(RecordsFile&& other) noexcept
    : fd_(other.fd_), path_(std::move(other.path_)), mutex_(std::move(other.mutex_)) {
  other.fd_ = -1;
}

RecordsFile::~RecordsFile() {
  if (fd_ >= 0) ::close(fd_);
}

Status RecordsFile::append(const Record& record) {
  const std::string line = to_json_line(record) + "\n";
  std::lock_guard lock(*mutex_);
  std::string_view rest = line;
  while (!rest.empty()) {
    const ssize_t n = ::write(fd_, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno_error("write", path_.string());
    rest.remove_prefix(static_cast<size_t>(n));
  }
  if (::fdatasync(fd_) != 0) return errno_error("fdatasync", path_.string());
  return ok_status();
}

}  // namespace landed
