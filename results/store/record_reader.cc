#include "results/store/record_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <thread>
#include <vector>

#include <simdjson.h>

#include "results/model/record_json.h"
#include "results/store/summary_parser.h"

namespace landed {
namespace {

constexpr std::size_t kChunk = 1 << 20;

/// Owns a read-only descriptor.
class InputFile {
 public:
  explicit InputFile(const std::filesystem::path& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~InputFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

/// Parses lines at either depth into one reused Record and hands it to the callback.
class LineSink {
 public:
  LineSink(const ShardCallback& callback, int shard, ReadDepth depth)
      : callback_(callback), shard_(shard), depth_(depth) {}

  /// `capacity`: readable bytes from line.data() (simdjson reads ahead in padded blocks).
  Status take(std::string_view line, std::size_t capacity) {
    if (depth_ == ReadDepth::kFull) {
      LANDED_TRY(record_, parse_record_line(line));
    } else {
      LANDED_TRY_STATUS(parser_.parse(line, capacity, record_));
    }
    return callback_(shard_, record_);
  }

 private:
  const ShardCallback& callback_;
  int shard_;
  ReadDepth depth_;
  SummaryParser parser_;
  Record record_;
};

/// Where a line failed, relative to its shard; the driver turns it into file:line.
struct LineError {
  std::int64_t line;
  Error error;
};

/// Reads the byte range [begin, end) in chunks, splitting lines; keeps a partial last line
/// for the next chunk. Only the last shard may end in a torn line.
class LineSplitter {
 public:
  LineSplitter(int fd, off_t begin, off_t end, bool last, LineSink& sink)
      : fd_(fd), offset_(begin), end_(end), last_(last), sink_(sink),
        buffer_(kChunk + simdjson::SIMDJSON_PADDING) {}

  std::optional<LineError> run() {
    std::size_t filled = 0;
    for (;;) {
      if (filled == capacity()) buffer_.resize(buffer_.size() * 2);  // a line longer than us
      auto want = static_cast<std::size_t>(std::min<off_t>(end_ - offset_, capacity() - filled));
      ssize_t got = want ? ::pread(fd_, buffer_.data() + filled, want, offset_) : 0;
      if (got < 0) return LineError{summary_.lines, errno_error("pread")};
      if (got == 0) return finish(std::string_view(buffer_.data(), filled));
      offset_ += got;
      filled += static_cast<std::size_t>(got);
      std::size_t used = 0;
      if (auto error = take_lines(filled, used)) return error;
      std::memmove(buffer_.data(), buffer_.data() + used, filled - used);
      filled -= used;
    }
  }

  const ReadSummary& summary() const { return summary_; }

 private:
  std::size_t capacity() const { return buffer_.size() - simdjson::SIMDJSON_PADDING; }

  /// Parses every complete line in buffer_[0, filled); `used` is the bytes consumed.
  std::optional<LineError> take_lines(std::size_t filled, std::size_t& used) {
    const char* data = buffer_.data();
    while (const void* found = std::memchr(data + used, '\n', filled - used)) {
      std::size_t end = static_cast<std::size_t>(static_cast<const char*>(found) - data);
      ++summary_.lines;
      std::string_view line(data + used, end - used);
      if (!is_blank(line)) {
        Status status = sink_.take(line, buffer_.size() - used);
        if (!status.ok()) return LineError{summary_.lines, status.error()};
        ++summary_.records;
      }
      used = end + 1;
    }
    return std::nullopt;
  }

  /// A last line without a newline that does not parse: a writer was cut off mid-append.
  std::optional<LineError> finish(std::string_view tail) {
    if (tail.empty() || is_blank(tail)) return std::nullopt;
    ++summary_.lines;
    std::fill(buffer_.begin() + static_cast<std::ptrdiff_t>(tail.size()), buffer_.end(), '\0');
    Status status = sink_.take(tail, buffer_.size());
    if (status.ok()) ++summary_.records;
    else if (last_) ++summary_.torn_lines;
    else return LineError{summary_.lines, status.error()};
    return std::nullopt;
  }

  int fd_;
  off_t offset_, end_;
  bool last_;
  LineSink& sink_;
  std::vector<char> buffer_;
  ReadSummary summary_;
};

/// The offset just past the first newline at or after `from` (or `size`).
off_t next_line_start(int fd, off_t from, off_t size) {
  char window[1 << 16];
  while (from < size) {
    ssize_t got = ::pread(fd, window, sizeof window, from);
    if (got <= 0) return size;
    if (const void* nl = std::memchr(window, '\n', static_cast<std::size_t>(got)))
      return from + (static_cast<const char*>(nl) - window) + 1;
    from += got;
  }
  return size;
}

std::vector<off_t> shard_bounds(int fd, off_t size, int shards) {
  std::vector<off_t> bounds{0};
  for (int k = 1; k < shards; ++k) {
    off_t start = std::max(bounds.back(), next_line_start(fd, size * k / shards, size));
    if (start < size && start > bounds.back()) bounds.push_back(start);
  }
  bounds.push_back(size);
  return bounds;
}

/// Newlines before `offset`: only computed to name the line of an error.
std::int64_t lines_before(int fd, off_t offset) {
  std::vector<char> block(1 << 20);
  std::int64_t lines = 0;
  for (off_t at = 0; at < offset;) {
    auto want = static_cast<std::size_t>(std::min<off_t>(offset - at, static_cast<off_t>(block.size())));
    ssize_t got = ::pread(fd, block.data(), want, at);
    if (got <= 0) break;
    lines += std::count(block.data(), block.data() + got, '\n');
    at += got;
  }
  return lines;
}

}  // namespace

int default_shards(std::uintmax_t bytes) {
  if (bytes < (32u << 20)) return 1;
  return static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
}

Result<ReadSummary> for_each_record_sharded(const std::filesystem::path& path, int shards,
                                            const ShardCallback& callback, ReadDepth depth) {
  InputFile file(path);
  if (file.fd() < 0) return errno_error("open", path.string());
  off_t size = ::lseek(file.fd(), 0, SEEK_END);
  if (size < 0) return errno_error("lseek", path.string());
  std::vector<off_t> bounds = shard_bounds(file.fd(), size, std::max(1, shards));
  std::size_t count = bounds.size() - 1;
  std::vector<std::optional<LineError>> errors(count);
  std::vector<ReadSummary> summaries(count);
  auto read_shard = [&](std::size_t k) {
    LineSink sink(callback, static_cast<int>(k), depth);
    LineSplitter splitter(file.fd(), bounds[k], bounds[k + 1], k + 1 == count, sink);
    errors[k] = splitter.run();
    summaries[k] = splitter.summary();
  };
  std::vector<std::thread> threads;
  for (std::size_t k = 1; k < count; ++k) threads.emplace_back(read_shard, k);
  read_shard(0);
  for (std::thread& t : threads) t.join();
  ReadSummary total;
  for (std::size_t k = 0; k < count; ++k) {
    if (errors[k]) {
      std::int64_t line = lines_before(file.fd(), bounds[k]) + errors[k]->line;
      return errors[k]->error.with_context(fmt::format("{}:{}", path.string(), line));
    }
    total.records += summaries[k].records;
    total.lines += summaries[k].lines;
    total.torn_lines += summaries[k].torn_lines;
  }
  return total;
}

Result<ReadSummary> for_each_record(const std::filesystem::path& path,
                                    const RecordCallback& callback, ReadDepth depth) {
  return for_each_record_sharded(
      path, 1, [&callback](int, const Record& record) { return callback(record); }, depth);
}

}  // namespace landed
