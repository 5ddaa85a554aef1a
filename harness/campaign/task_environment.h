// A task's environment resolved against this machine: the variables its setup, agent, check and
// verify processes get on top of the clean environment, the folders they may read (for the
// isolation layer's read-only binds), and warnings about declarations that point at nothing.
//
// Built-in defaults make the common toolchains work with nothing declared although HOME is
// private to the attempt: when ~/.rustup, ~/.cargo, ~/.nvm, ~/.pyenv, ~/go, ~/.m2 or ~/.gradle
// exist, the variables their tools read (RUSTUP_HOME, CARGO_HOME, NVM_DIR, PYENV_ROOT, GOPATH,
// GOMODCACHE, MAVEN_OPTS, GRADLE_USER_HOME) point at them, ~/.cargo/bin joins PATH, and
// VIRTUAL_ENV, JAVA_HOME and GOROOT pass through when set. The task's declaration wins.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "harness/task/environment_spec.h"

namespace landed {

/// What resolution reads of the machine; a fake in tests.
struct HostEnvironment {
  std::filesystem::path home;  ///< landed's own HOME (empty: no defaults)
  std::function<std::optional<std::string>(const std::string&)> variable;  ///< landed's env
  std::function<bool(const std::filesystem::path&)> exists;

  /// This process's HOME and environment, and the real file system.
  static HostEnvironment current();
};

struct ResolvedEnvironment {
  std::vector<std::string> variables;                  ///< "NAME=value", in order of precedence
  std::vector<std::filesystem::path> read_only_paths;  ///< existing folders the task may read
  std::vector<std::string> warnings;                   ///< one line each, naming the entry
};

ResolvedEnvironment resolve_environment(const EnvironmentSpec& spec, const HostEnvironment& host);

/// `path` with a leading `~` or `~/` replaced by `home`.
std::filesystem::path expand_home(const std::string& path, const std::filesystem::path& home);

}  // namespace landed
