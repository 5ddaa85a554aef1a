// Records to and from JSON (nlohmann). The hot path that reads millions of records
// lives in results/store/ and may use a faster parser.
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

Result<Record> record_from_json(const nlohmann::json& json);
Result<Record> parse_record_line(std::string_view line);

}  // namespace landed
