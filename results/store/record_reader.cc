#include "results/store/record_reader.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <thread>
#include <vector>

#include <simdjson.h>

#include "harness/base/unique_fd.h"
#include "results/model/record_parser.h"

namespace landed {
namespace {

constexpr std::size_t kChunk = 1 << 20;

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

/// A problem on a line numbered within its shard; the driver turns it into file:line.
struct LineProblem {
  std::int64_t line;
  std::string why;
};

/// Parses lines into one reused Record, checks them and hands records on.
class LineSink {
 public:
  LineSink(const ShardCallback& callback, const RecordLineCallback* with_line, int shard,
           ReadDepth depth, RecordGate& gate)
      : callback_(callback), with_line_(with_line), shard_(shard), depth_(depth), gate_(gate) {}

  /// `capacity`: readable bytes from line.data() (simdjson reads ahead in padded blocks).
  /// An error only for a line that is not a record at all; a bad value is quarantined.
  Status take(std::string_view line, std::size_t capacity, std::int64_t number,
              ReadSummary& summary) {
    if (Status parsed = parser_.parse(line, capacity, record_, depth_); !parsed.ok()) {
      if (parser_.fault() != LineFault::kBadValue) return parsed.error();
      ++summary.quarantined;
      note(number, "quarantined: " + parsed.error().message);
      return ok_status();
    }
    if (!gate_.first_sighting(record_)) {
      ++summary.duplicates;
      note(number, fmt::format("duplicate of an earlier line for attempt {} (counted once)",
                               record_.attempt_id));
      return ok_status();
    }
    ++summary.records;
    return with_line_ ? (*with_line_)(record_, line) : callback_(shard_, record_);
  }

  /// True when the line parses (used for the last line without a newline).
  bool parses(std::string_view line, std::size_t capacity) {
    return parser_.parse(line, capacity, record_, depth_).ok() ||
           parser_.fault() == LineFault::kBadValue;
  }

  std::vector<LineProblem>& problems() { return problems_; }

 private:
  void note(std::int64_t number, std::string why) {
    if (problems_.size() < ReadSummary::kMaxProblems) problems_.push_back({number, std::move(why)});
  }

  const ShardCallback& callback_;
  const RecordLineCallback* with_line_;
  int shard_;
  ReadDepth depth_;
  RecordGate& gate_;
  RecordParser parser_;
  Record record_;
  std::vector<LineProblem> problems_;
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

  std::optional<LineError> take(std::string_view line, std::size_t capacity) {
    Status status = sink_.take(line, capacity, summary_.lines, summary_);
    if (!status.ok()) return LineError{summary_.lines, status.error()};
    return std::nullopt;
  }

  /// Parses every complete line in buffer_[0, filled); `used` is the bytes consumed.
  std::optional<LineError> take_lines(std::size_t filled, std::size_t& used) {
    const char* data = buffer_.data();
    while (const void* found = std::memchr(data + used, '\n', filled - used)) {
      std::size_t end = static_cast<std::size_t>(static_cast<const char*>(found) - data);
      ++summary_.lines;
      std::string_view line(data + used, end - used);
      if (!is_blank(line))
        if (auto error = take(line, buffer_.size() - used)) return error;
      used = end + 1;
    }
    return std::nullopt;
  }

  /// The last line, without a newline: a record if it parses, else a writer cut off
  /// mid-append (torn) when this is the file's end.
  std::optional<LineError> finish(std::string_view tail) {
    if (tail.empty() || is_blank(tail)) return std::nullopt;
    ++summary_.lines;
    std::fill(buffer_.begin() + static_cast<std::ptrdiff_t>(tail.size()), buffer_.end(), '\0');
    if (last_ && !sink_.parses(tail, buffer_.size())) {
      ++summary_.torn_lines;
      return std::nullopt;
    }
    return take(tail, buffer_.size());
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

namespace {

Result<ReadSummary> read_file_sharded(const std::filesystem::path& path, int shards,
                                      const ShardCallback& callback,
                                      const RecordLineCallback* with_line, ReadDepth depth) {
  UniqueFd file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!file.valid()) return errno_error("open", path.string());
  off_t size = ::lseek(file.get(), 0, SEEK_END);
  if (size < 0) return errno_error("lseek", path.string());
  std::vector<off_t> bounds = shard_bounds(file.get(), size, std::max(1, shards));
  std::size_t count = bounds.size() - 1;
  std::vector<std::optional<LineError>> errors(count);
  std::vector<ReadSummary> summaries(count);
  std::vector<std::vector<LineProblem>> problems(count);
  RecordGate gate;
  auto read_shard = [&](std::size_t k) {
    LineSink sink(callback, with_line, static_cast<int>(k), depth, gate);
    LineSplitter splitter(file.get(), bounds[k], bounds[k + 1], k + 1 == count, sink);
    errors[k] = splitter.run();
    summaries[k] = splitter.summary();
    problems[k] = std::move(sink.problems());
  };
  std::vector<std::thread> threads;
  for (std::size_t k = 1; k < count; ++k) threads.emplace_back(read_shard, k);
  read_shard(0);
  for (std::thread& t : threads) t.join();
  ReadSummary total;
  for (std::size_t k = 0; k < count; ++k) {
    std::int64_t before = errors[k] || !problems[k].empty() ? lines_before(file.get(), bounds[k]) : 0;
    if (errors[k])
      return errors[k]->error.with_context(fmt::format("{}:{}", path.string(), before + errors[k]->line));
    for (const LineProblem& p : problems[k])
      summaries[k].problems.push_back(fmt::format("{}:{}: {}", path.string(), before + p.line, p.why));
    total.add(summaries[k]);
  }
  return total;
}

}  // namespace

void ReadSummary::add(const ReadSummary& other) {
  records += other.records;
  lines += other.lines;
  torn_lines += other.torn_lines;
  quarantined += other.quarantined;
  duplicates += other.duplicates;
  for (const std::string& p : other.problems)
    if (problems.size() < kMaxProblems) problems.push_back(p);
}

std::string ReadSummary::warning() const {
  if (quarantined == 0 && duplicates == 0) return "";
  std::string text = fmt::format("skipped {} quarantined line(s) and {} duplicate line(s)",
                                 quarantined, duplicates);
  if (!problems.empty()) text += "; first: " + problems.front();
  return text;
}

bool RecordGate::first_sighting(const Record& record) {
  std::string key = record.campaign_id;
  key += '\0';
  key += record.attempt_id;
  const std::uint64_t hash = std::hash<std::string>{}(key);
  std::lock_guard lock(mutex_);
  return seen_.insert(hash).second;
}

void RecordGate::note(ReadSummary& summary, std::string problem) {
  if (summary.problems.size() < ReadSummary::kMaxProblems) summary.problems.push_back(std::move(problem));
}

Result<ReadSummary> for_each_record_sharded(const std::filesystem::path& path, int shards,
                                            const ShardCallback& callback, ReadDepth depth) {
  return read_file_sharded(path, shards, callback, nullptr, depth);
}

Result<ReadSummary> for_each_record_line(const std::filesystem::path& path,
                                         const RecordLineCallback& callback, ReadDepth depth) {
  const ShardCallback unused = [](int, const Record&) { return ok_status(); };
  return read_file_sharded(path, 1, unused, &callback, depth);
}

Result<ReadSummary> for_each_record(const std::filesystem::path& path,
                                    const RecordCallback& callback, ReadDepth depth) {
  return for_each_record_sharded(
      path, 1, [&callback](int, const Record& record) { return callback(record); }, depth);
}

}  // namespace landed
