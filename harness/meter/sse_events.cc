#include "harness/meter/sse_events.h"

namespace landed {

void SseEvents::feed(std::string_view bytes) {
  while (!bytes.empty()) {
    const std::size_t end = bytes.find('\n');
    if (end == std::string_view::npos) {
      partial_.append(bytes);
      if (partial_.size() > max_event_bytes_) {
        overflowed_ = true;
        partial_.clear();
      }
      return;
    }
    partial_.append(bytes.substr(0, end));
    if (!partial_.empty() && partial_.back() == '\r') partial_.pop_back();
    line(partial_);
    partial_.clear();
    bytes.remove_prefix(end + 1);
  }
}

void SseEvents::line(std::string_view text) {
  if (text.empty()) return dispatch();
  if (text.front() == ':') return;  // a comment (keep-alive)
  const std::size_t colon = text.find(':');
  const std::string_view field = text.substr(0, colon);
  if (field != "data") return;
  std::string_view value = colon == std::string_view::npos ? "" : text.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (has_data_) data_.push_back('\n');
  data_.append(value);
  has_data_ = true;
  if (data_.size() > max_event_bytes_) {
    overflowed_ = true;
    data_.clear();
    has_data_ = false;
  }
}

void SseEvents::dispatch() {
  if (has_data_) on_event_(data_);
  data_.clear();
  has_data_ = false;
}

bool SseEvents::finish(bool whole) {
  const bool clean = partial_.empty() && !overflowed_;
  if (!whole) {  // a cut stream: what was not terminated is not an event
    partial_.clear();
    data_.clear();
    has_data_ = false;
    return clean;
  }
  if (!partial_.empty()) {
    const std::string last = std::move(partial_);
    partial_.clear();
    line(last);
  }
  dispatch();
  return clean;
}

}  // namespace landed
