#include "harness/campaign/task_environment.h"

#include <set>

#include <gtest/gtest.h>

namespace landed {
namespace {

namespace fs = std::filesystem;

/// A machine with HOME=/home/u, the given folders and variables.
HostEnvironment fake_host(std::set<std::string> folders, std::map<std::string, std::string> vars) {
  HostEnvironment host;
  host.home = "/home/u";
  host.variable = [vars](const std::string& name) -> std::optional<std::string> {
    auto found = vars.find(name);
    if (found == vars.end()) return std::nullopt;
    return found->second;
  };
  host.exists = [folders](const fs::path& path) { return folders.count(path.string()) > 0; };
  return host;
}

std::optional<std::string> value_of(const ResolvedEnvironment& env, const std::string& name) {
  std::optional<std::string> value;
  for (const std::string& entry : env.variables)
    if (entry.starts_with(name + "=")) value = entry.substr(name.size() + 1);
  return value;
}

TEST(TaskEnvironment, DefaultsPointToolchainVariablesAtTheirFoldersUnderHome) {
  const auto env = resolve_environment(
      {}, fake_host({"/home/u/.rustup", "/home/u/.cargo", "/home/u/.cargo/bin", "/home/u/go",
                     "/home/u/.m2", "/home/u/.nvm", "/home/u/.pyenv", "/home/u/.gradle"},
                    {{"PATH", "/usr/bin:/bin"}}));
  EXPECT_EQ(value_of(env, "RUSTUP_HOME"), "/home/u/.rustup");
  EXPECT_EQ(value_of(env, "CARGO_HOME"), "/home/u/.cargo");
  EXPECT_EQ(value_of(env, "PATH"), "/usr/bin:/bin:/home/u/.cargo/bin");
  EXPECT_EQ(value_of(env, "GOPATH"), "/home/u/go");
  EXPECT_EQ(value_of(env, "GOMODCACHE"), "/home/u/go/pkg/mod");
  EXPECT_EQ(value_of(env, "MAVEN_OPTS"), "-Dmaven.repo.local=/home/u/.m2/repository");
  EXPECT_EQ(value_of(env, "NVM_DIR"), "/home/u/.nvm");
  EXPECT_EQ(value_of(env, "PYENV_ROOT"), "/home/u/.pyenv");
  EXPECT_EQ(value_of(env, "GRADLE_USER_HOME"), "/home/u/.gradle");
  EXPECT_EQ(env.read_only_paths.size(), 7u);  // go once, although it sets two variables
  EXPECT_TRUE(env.warnings.empty());
}

TEST(TaskEnvironment, LandedsOwnToolchainVariableWinsAndItsFolderIsTheOneToRead) {
  const auto env = resolve_environment(
      {}, fake_host({"/home/u/.rustup", "/opt/rustup"}, {{"RUSTUP_HOME", "/opt/rustup"}}));
  EXPECT_EQ(value_of(env, "RUSTUP_HOME"), "/opt/rustup");
  EXPECT_EQ(env.read_only_paths, std::vector<fs::path>{"/opt/rustup"});
}

TEST(TaskEnvironment, NoDefaultsForFoldersThatDoNotExist) {
  const auto env = resolve_environment({}, fake_host({}, {{"PATH", "/usr/bin"}}));
  EXPECT_TRUE(env.variables.empty());
  EXPECT_TRUE(env.read_only_paths.empty());
}

TEST(TaskEnvironment, CargoBinAlreadyOnPathIsNotAddedTwice) {
  const auto env = resolve_environment(
      {}, fake_host({"/home/u/.cargo", "/home/u/.cargo/bin"},
                    {{"PATH", "/home/u/.cargo/bin:/usr/bin"}}));
  EXPECT_EQ(value_of(env, "PATH"), "/home/u/.cargo/bin:/usr/bin");
}

TEST(TaskEnvironment, LandedsOwnToolchainVariablesAndPassThroughsWin) {
  const auto env = resolve_environment(
      {}, fake_host({"/home/u/.rustup", "/opt/jdk"},
                    {{"RUSTUP_HOME", "/opt/rustup"}, {"JAVA_HOME", "/opt/jdk"},
                     {"VIRTUAL_ENV", "/srv/venv"}}));
  EXPECT_EQ(value_of(env, "RUSTUP_HOME"), "/opt/rustup");
  EXPECT_EQ(value_of(env, "JAVA_HOME"), "/opt/jdk");
  EXPECT_EQ(value_of(env, "VIRTUAL_ENV"), "/srv/venv");
  EXPECT_FALSE(value_of(env, "GOROOT"));
}

TEST(TaskEnvironment, DeclaredPassSetAndPathsOverTheDefaults) {
  EnvironmentSpec spec;
  spec.pass = {"MY_FLAG", "NOT_SET"};
  spec.set = {{"CARGO_HOME", "/elsewhere"}, {"MODE", "test"}};
  spec.paths = {"~/data", "~/missing", "/abs"};
  const auto env = resolve_environment(
      spec, fake_host({"/home/u/.cargo", "/home/u/data", "/abs"}, {{"MY_FLAG", "1"}}));
  EXPECT_EQ(value_of(env, "MY_FLAG"), "1");
  EXPECT_EQ(value_of(env, "CARGO_HOME"), "/elsewhere");
  EXPECT_EQ(value_of(env, "MODE"), "test");
  EXPECT_EQ(env.read_only_paths,
            (std::vector<fs::path>{"/home/u/.cargo", "/home/u/data", "/abs"}));
  ASSERT_EQ(env.warnings.size(), 2u);
  EXPECT_EQ(env.warnings[0], "environment.pass names NOT_SET, which is not set");
  EXPECT_EQ(env.warnings[1], "environment.paths entry /home/u/missing does not exist");
}

}  // namespace
}  // namespace landed
