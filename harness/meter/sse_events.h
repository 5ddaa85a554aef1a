// Splits a Server-Sent Events stream, fed in arbitrary pieces, into the data of each event.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace landed {

class SseEvents {
 public:
  /// `on_event` gets each event's data (its `data:` lines joined by '\n'); events without data
  /// (comments, bare `event:` lines) are skipped.
  explicit SseEvents(std::function<void(std::string_view data)> on_event, std::size_t max_event_bytes)
      : on_event_(std::move(on_event)), max_event_bytes_(max_event_bytes) {}

  void feed(std::string_view bytes);
  /// `whole`: the stream ended normally, so an event it ended in without its blank line is
  /// delivered; otherwise (cut) a partial event is dropped. Returns false when the stream
  /// stopped inside an event (a partial line) or an event grew past the size limit.
  bool finish(bool whole = true);
  bool overflowed() const { return overflowed_; }

 private:
  void line(std::string_view text);
  void dispatch();

  std::function<void(std::string_view)> on_event_;
  std::size_t max_event_bytes_;
  std::string partial_;   // an unterminated line
  std::string data_;      // the current event's data
  bool has_data_ = false;
  bool overflowed_ = false;
};

}  // namespace landed
