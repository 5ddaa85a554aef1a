// The formats of a command that writes results (report, routes, compare): one line per format,
// {name, description, writer}, and `--format`'s validation, its --help text and the dispatch all
// come from that list (in the manner of google/benchmark's CreateReporter). A new format is
// its writer's file plus one line in the command's list (report_formats(), routes_formats(),
// compare_formats()).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "harness/base/error.h"

namespace landed {

template <class Writer>
struct Format {
  std::string_view name;
  std::string_view description;  // one clause for --help: what the format is for
  Writer writer;
  const char* alias = nullptr;   // another name --format accepts (markdown for md), or none
};

template <class Writer>
class FormatRegistry {
 public:
  explicit FormatRegistry(std::vector<Format<Writer>> formats) : formats_(std::move(formats)) {}

  const std::vector<Format<Writer>>& formats() const { return formats_; }

  /// The format `name` names (or its alias); else an error listing the names.
  Result<const Format<Writer>*> find(std::string_view name) const {
    for (const Format<Writer>& format : formats_)
      if (format.name == name || (format.alias && name == format.alias)) return &format;
    return make_error("unknown --format '{}' ({})", name, names(", "));
  }

  /// "table | md | json": the names in order.
  std::string names(std::string_view separator = " | ") const {
    std::string text;
    for (const Format<Writer>& format : formats_)
      text += (text.empty() ? "" : std::string(separator)) + std::string(format.name);
    return text;
  }

  /// --format's help: "table: a terminal table; md: Markdown ...", one clause per format.
  std::string help() const {
    std::string text;
    for (const Format<Writer>& format : formats_)
      text += fmt::format("{}{}: {}", text.empty() ? "" : "; ", format.name, format.description);
    return text;
  }

 private:
  std::vector<Format<Writer>> formats_;
};

}  // namespace landed
