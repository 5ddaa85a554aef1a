#include "harness/cli/cli_paths.h"

namespace landed::cli {

std::filesystem::path absolute_path(const std::filesystem::path& path) {
  if (path.empty()) return path;
  std::error_code error;
  auto absolute = std::filesystem::absolute(path, error);
  return error ? path : absolute.lexically_normal();
}

CLI::Validator absolute_path_transform() {
  return CLI::Validator(
      [](std::string& value) {
        const auto hash = value.find('#');
        const std::string selector = hash == std::string::npos ? "" : value.substr(hash);
        value = absolute_path(value.substr(0, hash)).string() + selector;
        return std::string();
      },
      "", "ABSOLUTE");
}

}  // namespace landed::cli
