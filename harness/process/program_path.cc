#include "harness/process/program_path.h"

#include <sys/stat.h>
#include <unistd.h>

#include "harness/process/environment.h"

namespace landed {
namespace {

namespace fs = std::filesystem;

bool is_executable_file(const fs::path& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
         ::access(path.c_str(), X_OK) == 0;
}

std::vector<std::string> split_path(const std::string& search_path) {
  std::vector<std::string> dirs;
  std::size_t start = 0;
  while (true) {
    const std::size_t colon = search_path.find(':', start);
    dirs.push_back(search_path.substr(start, colon - start));
    if (colon == std::string::npos) return dirs;
    start = colon + 1;
  }
}

}  // namespace

Result<std::string> resolve_program(const std::string& name, const std::vector<std::string>& env,
                                    const fs::path& cwd) {
  if (name.empty()) return make_error("cannot start a process: argv[0] is empty");
  if (name.find('/') != std::string::npos) return name;
  const std::string search_path = environment_value(env, "PATH").value_or(kDefaultSearchPath);
  for (const std::string& dir : split_path(search_path)) {
    const fs::path base = dir.empty() ? fs::path(".") : fs::path(dir);
    const fs::path candidate = base.is_absolute() || cwd.empty() ? base / name : cwd / base / name;
    if (is_executable_file(candidate)) return candidate.string();
  }
  return make_error("cannot start '{}': not found on PATH={}", name, search_path);
}

}  // namespace landed
