// One captured output stream of a child: bytes from its pipe go to a file up to a cap and past
// it are still read (so the child never blocks on a full pipe) and dropped; complete lines can
// be handed to a callback as they arrive.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

#include "harness/process/unique_fd.h"

namespace landed {

using LineCallback = std::function<bool(std::string_view line)>;

/// Cuts a byte stream into '\n'-terminated lines for a callback, until the callback says stop.
class LineSplitter {
 public:
  /// A line longer than `max_line` bytes is delivered cut to that length.
  LineSplitter(LineCallback on_line, std::size_t max_line);
  void feed(std::string_view bytes);
  /// Delivers the last, unterminated line.
  void finish();
  /// The callback returned false (it is not called again).
  bool stop_requested() const { return stop_requested_; }
  /// Lines delivered cut to max_line: what they said (e.g. a step's usage) is lost.
  std::int64_t cut_lines() const { return cut_lines_; }

 private:
  void deliver(std::string_view line);

  LineCallback on_line_;
  std::size_t max_line_;
  std::string pending_;
  bool pending_cut_ = false;
  std::int64_t cut_lines_ = 0;
  bool stop_requested_ = false;
};

class OutputStream {
 public:
  /// `file` may be invalid: then bytes are only counted. `on_line` may be empty.
  OutputStream(UniqueFd pipe, UniqueFd file, std::filesystem::path file_path, std::int64_t cap,
               LineCallback on_line);

  /// The pipe's read end; -1 once end-of-file was seen.
  int fd() const { return pipe_.get(); }
  bool open() const { return pipe_.valid(); }
  /// One non-blocking read of what the pipe holds; closes it at end-of-file or on error.
  void read_available();
  /// Stops reading (whatever is still unread is dropped) and delivers the last line.
  void finish();

  std::int64_t bytes_seen() const { return seen_; }
  bool truncated() const { return truncated_; }
  bool stop_requested() const { return lines_.stop_requested(); }
  /// Empty unless writing the file failed.
  const std::string& write_error() const { return write_error_; }
  /// Lines cut at the line limit before they reached on_line.
  std::int64_t lines_cut() const { return lines_.cut_lines(); }

 private:
  void consume(std::string_view bytes);
  void write_to_file(std::string_view bytes);

  UniqueFd pipe_;
  UniqueFd file_;
  std::filesystem::path file_path_;
  std::int64_t cap_;
  std::int64_t seen_ = 0;
  std::int64_t written_ = 0;
  bool truncated_ = false;
  bool has_lines_;
  LineSplitter lines_;
  std::string write_error_;
};

}  // namespace landed
