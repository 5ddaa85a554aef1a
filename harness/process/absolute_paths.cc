#include "harness/process/absolute_paths.h"

namespace landed {
namespace {

bool names_a_path(std::string_view key) {
  for (std::string_view suffix : {"_FILE", "_DIR", "_HOME"})
    if (key.size() > suffix.size() && key.ends_with(suffix)) return true;
  return key == "HOME" || key == "TMPDIR";
}

}  // namespace

Status check_absolute(std::string_view what, const std::filesystem::path& path) {
  if (path.empty() || path.is_absolute()) return ok_status();
  return make_error("{} handed to a child is relative: {}", what, path.string());
}

Status check_path_variables(const std::vector<std::string>& env) {
  for (const std::string& entry : env) {
    const auto equals = entry.find('=');
    if (equals == std::string::npos || !names_a_path(std::string_view(entry).substr(0, equals)))
      continue;
    LANDED_TRY_STATUS(check_absolute(entry.substr(0, equals), entry.substr(equals + 1)));
  }
  return ok_status();
}

}  // namespace landed
