// Records to JSON (nlohmann): the one writer of a record line. The one reader is
// results/model/record_parser.h (simdjson); parse_record_line is its one-line convenience.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "harness/base/error.h"
#include "results/model/record.h"

namespace landed {

nlohmann::json to_json(const Usage& usage);
nlohmann::json to_json(const Record& record);
/// One line of JSON, no trailing newline.
std::string to_json_line(const Record& record);

/// Parses one line with RecordParser (every field).
Result<Record> parse_record_line(std::string_view line);

}  // namespace landed
