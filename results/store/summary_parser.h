// The fast path of the record reader: fills the report's fields of a Record from one JSON
// line with simdjson, copying nothing else into the Record.
#pragma once

#include <memory>
#include <string_view>

#include "harness/base/error.h"
#include "results/model/record.h"

namespace landed {

class SummaryParser {
 public:
  SummaryParser();
  ~SummaryParser();
  SummaryParser(const SummaryParser&) = delete;
  SummaryParser& operator=(const SummaryParser&) = delete;

  /// Parses `line` into `record` (reused: its strings keep their capacity). The bytes after
  /// the line up to `capacity` must be readable: simdjson reads ahead in padded blocks.
  Status parse(std::string_view line, std::size_t capacity, Record& record);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace landed
