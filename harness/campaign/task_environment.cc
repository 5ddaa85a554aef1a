#include "harness/campaign/task_environment.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <system_error>

namespace landed {
namespace {

namespace fs = std::filesystem;

/// A toolchain folder under HOME and the variable that tells its tools where it is.
struct ToolchainDefault {
  const char* folder;
  const char* variable;
  const char* value_suffix;  ///< appended to the folder's path
  const char* value_prefix;  ///< prepended (MAVEN_OPTS is an option, not a path)
};

constexpr ToolchainDefault kToolchains[] = {
    {".rustup", "RUSTUP_HOME", "", ""},
    {".cargo", "CARGO_HOME", "", ""},
    {".nvm", "NVM_DIR", "", ""},
    {".pyenv", "PYENV_ROOT", "", ""},
    {"go", "GOPATH", "", ""},
    {"go", "GOMODCACHE", "/pkg/mod", ""},
    {".m2", "MAVEN_OPTS", "/repository", "-Dmaven.repo.local="},
    {".gradle", "GRADLE_USER_HOME", "", ""},
};

constexpr const char* kPassedThrough[] = {"VIRTUAL_ENV", "JAVA_HOME", "GOROOT"};

void add_variable(std::vector<std::string>& variables, const std::string& name,
                  const std::string& value) {
  std::erase_if(variables, [&](const std::string& entry) {
    return entry.compare(0, name.size() + 1, name + "=") == 0;
  });
  variables.push_back(name + "=" + value);
}

void add_path(std::vector<fs::path>& paths, const fs::path& path) {
  if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
}

/// PATH with `dir` at its end unless it is on it already.
std::string path_with(const std::string& path, const std::string& dir) {
  std::string_view rest = path;
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    if (rest.substr(0, colon) == dir) return path;
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return path.empty() ? dir : path + ":" + dir;
}

void add_toolchain_defaults(const HostEnvironment& host, ResolvedEnvironment& out) {
  if (host.home.empty()) return;
  for (const ToolchainDefault& tool : kToolchains) {
    const fs::path dir = host.home / tool.folder;
    // A variable landed itself runs with says where the tool really is.
    if (std::optional<std::string> own = host.variable(tool.variable)) {
      add_variable(out.variables, tool.variable, *own);
      // Isolation must let the tools read where the variable points, not the unused default.
      const bool is_path = *tool.value_prefix == '\0';  // MAVEN_OPTS is options
      if (is_path && host.exists(*own)) add_path(out.read_only_paths, *own);
      else if (host.exists(dir)) add_path(out.read_only_paths, dir);
      continue;
    }
    if (!host.exists(dir)) continue;
    add_path(out.read_only_paths, dir);
    add_variable(out.variables, tool.variable,
                 std::string(tool.value_prefix) + dir.string() + tool.value_suffix);
  }
  const fs::path cargo_bin = host.home / ".cargo" / "bin";
  if (host.exists(cargo_bin))
    add_variable(out.variables, "PATH", path_with(host.variable("PATH").value_or(""),
                                                  cargo_bin.string()));
}

void add_passed_through(const HostEnvironment& host, ResolvedEnvironment& out) {
  for (const char* name : kPassedThrough)
    if (std::optional<std::string> value = host.variable(name)) {
      add_variable(out.variables, name, *value);
      if (host.exists(*value)) add_path(out.read_only_paths, *value);
    }
}

}  // namespace

fs::path expand_home(const std::string& path, const fs::path& home) {
  if (path == "~") return home;
  if (path.starts_with("~/")) return home / path.substr(2);
  return path;
}

HostEnvironment HostEnvironment::current() {
  HostEnvironment host;
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') host.home = home;
  host.variable = [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
  host.exists = [](const fs::path& path) {
    std::error_code ec;
    return fs::exists(path, ec);
  };
  return host;
}

ResolvedEnvironment resolve_environment(const EnvironmentSpec& spec, const HostEnvironment& host) {
  ResolvedEnvironment out;
  add_toolchain_defaults(host, out);
  add_passed_through(host, out);
  for (const std::string& name : spec.pass) {
    std::optional<std::string> value = host.variable(name);
    if (!value) {
      out.warnings.push_back(fmt::format("environment.pass names {}, which is not set", name));
      continue;
    }
    add_variable(out.variables, name, *value);
  }
  for (const auto& [name, value] : spec.set) add_variable(out.variables, name, value);
  for (const std::string& entry : spec.paths) {
    const fs::path path = expand_home(entry, host.home);
    if (!host.exists(path)) {
      out.warnings.push_back(fmt::format("environment.paths entry {} does not exist",
                                         path.string()));
      continue;
    }
    add_path(out.read_only_paths, path);
  }
  return out;
}

}  // namespace landed
