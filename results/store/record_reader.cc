#include "results/store/record_reader.h"

#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include <simdjson.h>

#include "results/model/record_json.h"
#include "results/store/summary_parser.h"

namespace landed {
namespace {

constexpr std::size_t kChunk = 1 << 20;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using File = std::unique_ptr<std::FILE, FileCloser>;

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

/// Parses lines at either depth into one reused Record and hands it to the callback.
class LineSink {
 public:
  LineSink(const RecordCallback& callback, ReadDepth depth) : callback_(callback), depth_(depth) {}

  /// `capacity`: readable bytes from line.data() (simdjson reads ahead in padded blocks).
  Status take(std::string_view line, std::size_t capacity) {
    if (depth_ == ReadDepth::kFull) {
      LANDED_TRY(record_, parse_record_line(line));
    } else {
      LANDED_TRY_STATUS(parser_.parse(line, capacity, record_));
    }
    return callback_(record_);
  }

 private:
  const RecordCallback& callback_;
  ReadDepth depth_;
  SummaryParser parser_;
  Record record_;
};

/// Reads the file in chunks, splitting lines; keeps a partial last line for the next chunk.
class LineSplitter {
 public:
  LineSplitter(std::FILE* file, const std::filesystem::path& path, LineSink& sink)
      : file_(file), path_(path), sink_(sink), buffer_(kChunk + simdjson::SIMDJSON_PADDING) {}

  Result<ReadSummary> run() {
    std::size_t filled = 0;
    for (;;) {
      if (filled == capacity()) buffer_.resize(buffer_.size() * 2);  // a line longer than us
      std::size_t got = std::fread(buffer_.data() + filled, 1, capacity() - filled, file_);
      if (got == 0) {
        if (std::ferror(file_)) return errno_error("fread", path_.string());
        LANDED_TRY_STATUS(finish(std::string_view(buffer_.data(), filled)));
        return summary_;
      }
      filled += got;
      LANDED_TRY(std::size_t used, take_lines(filled));
      std::memmove(buffer_.data(), buffer_.data() + used, filled - used);
      filled -= used;
    }
  }

 private:
  std::size_t capacity() const { return buffer_.size() - simdjson::SIMDJSON_PADDING; }

  /// Parses every complete line in buffer_[0, filled); returns the bytes consumed.
  Result<std::size_t> take_lines(std::size_t filled) {
    const char* data = buffer_.data();
    std::size_t start = 0;
    while (const void* found = std::memchr(data + start, '\n', filled - start)) {
      std::size_t end = static_cast<const char*>(found) - data;
      LANDED_TRY_STATUS(take_line(std::string_view(data + start, end - start),
                                  buffer_.size() - start));
      start = end + 1;
    }
    return start;
  }

  Status take_line(std::string_view line, std::size_t readable) {
    ++summary_.lines;
    if (is_blank(line)) return ok_status();
    Status status = sink_.take(line, readable);
    if (!status.ok()) return status.error().with_context(where());
    ++summary_.records;
    return ok_status();
  }

  /// The last line has no newline: if it does not parse, a writer was cut off mid-append.
  Status finish(std::string_view tail) {
    if (tail.empty() || is_blank(tail)) return ok_status();
    ++summary_.lines;
    std::fill(buffer_.begin() + static_cast<std::ptrdiff_t>(tail.size()), buffer_.end(), '\0');
    Status status = sink_.take(tail, buffer_.size());
    if (status.ok()) ++summary_.records;
    else ++summary_.torn_lines;
    return ok_status();
  }

  std::string where() const { return fmt::format("{}:{}", path_.string(), summary_.lines); }

  std::FILE* file_;
  const std::filesystem::path& path_;
  LineSink& sink_;
  std::vector<char> buffer_;
  ReadSummary summary_;
};

}  // namespace

Result<ReadSummary> for_each_record(const std::filesystem::path& path,
                                    const RecordCallback& callback, ReadDepth depth) {
  File file(std::fopen(path.c_str(), "rb"));
  if (!file) return errno_error("open", path.string());
  LineSink sink(callback, depth);
  LineSplitter splitter(file.get(), path, sink);
  return splitter.run();
}

}  // namespace landed
