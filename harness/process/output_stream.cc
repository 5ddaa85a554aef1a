#include "harness/process/output_stream.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "harness/base/error.h"

namespace landed {

LineSplitter::LineSplitter(LineCallback on_line, std::size_t max_line)
    : on_line_(std::move(on_line)), max_line_(max_line) {}

void LineSplitter::feed(std::string_view bytes) {
  while (!stop_requested_ && !bytes.empty()) {
    const auto newline = bytes.find('\n');
    const std::string_view piece = bytes.substr(0, newline);
    // Bytes of an overlong line past max_line are dropped, not buffered without bound.
    const std::size_t room = max_line_ - std::min(max_line_, pending_.size());
    pending_.append(piece.substr(0, room));
    if (piece.size() > room) pending_cut_ = true;
    if (newline == std::string_view::npos) return;
    deliver(pending_);
    pending_.clear();
    bytes.remove_prefix(newline + 1);
  }
}

void LineSplitter::finish() {
  if (!pending_.empty() && !stop_requested_) deliver(pending_);
  pending_.clear();
}

void LineSplitter::deliver(std::string_view line) {
  if (pending_cut_) ++cut_lines_;
  pending_cut_ = false;
  if (!on_line_(line)) stop_requested_ = true;
}

namespace {
// A line may be far longer than a log cap meant for files (e.g. one JSON event).
constexpr std::int64_t kMinLineLimit = 1 << 20;
}  // namespace

OutputStream::OutputStream(UniqueFd pipe, UniqueFd file, std::filesystem::path file_path,
                           std::int64_t cap, LineCallback on_line)
    : pipe_(std::move(pipe)),
      file_(std::move(file)),
      file_path_(std::move(file_path)),
      cap_(std::max<std::int64_t>(cap, 0)),
      has_lines_(static_cast<bool>(on_line)),
      lines_(std::move(on_line), static_cast<std::size_t>(std::max(cap_, kMinLineLimit))) {}

void OutputStream::read_available() {
  if (!pipe_.valid()) return;
  char buffer[65536];
  const ssize_t n = ::read(pipe_.get(), buffer, sizeof buffer);
  if (n > 0) {
    consume(std::string_view(buffer, static_cast<std::size_t>(n)));
  } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
    pipe_.reset();
  }
}

void OutputStream::finish() {
  pipe_.reset();
  if (has_lines_) lines_.finish();
}

void OutputStream::consume(std::string_view bytes) {
  seen_ += static_cast<std::int64_t>(bytes.size());
  const auto room = static_cast<std::size_t>(cap_ - written_);
  if (bytes.size() > room) truncated_ = true;
  write_to_file(bytes.substr(0, room));
  if (has_lines_) lines_.feed(bytes);
}

void OutputStream::write_to_file(std::string_view bytes) {
  written_ += static_cast<std::int64_t>(bytes.size());
  while (file_.valid() && !bytes.empty()) {
    const ssize_t n = ::write(file_.get(), bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      // Disk full or the like: the run goes on, the capture says where it broke.
      write_error_ = errno_error("write", file_path_.string()).message;
      truncated_ = true;
      file_.reset();
      return;
    }
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

}  // namespace landed
