#include "harness/process/environment.h"

#include <fmt/format.h>
#include <sys/random.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>

#include "harness/process/process.h"

extern char** environ;

namespace landed {
namespace {

std::string_view name_of(std::string_view entry) { return entry.substr(0, entry.find('=')); }

bool has_name(std::string_view entry, std::string_view name) { return name_of(entry) == name; }

}  // namespace

std::optional<std::string> environment_value(const std::vector<std::string>& env,
                                             std::string_view name) {
  auto found = std::find_if(env.rbegin(), env.rend(),
                            [&](const std::string& entry) { return has_name(entry, name); });
  if (found == env.rend() || found->size() == name.size()) return std::nullopt;
  return found->substr(name.size() + 1);
}

std::vector<std::string> with_variable(std::vector<std::string> env, std::string_view name,
                                       std::string_view value) {
  std::erase_if(env, [&](const std::string& entry) { return has_name(entry, name); });
  env.push_back(fmt::format("{}={}", name, value));
  return env;
}

std::vector<std::string> make_environment(const std::vector<std::string>& keep,
                                          const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    if (text.find('=') == std::string_view::npos) continue;
    if (std::find(keep.begin(), keep.end(), name_of(text)) != keep.end()) env.emplace_back(text);
  }
  for (const std::string& entry : extra) {
    const auto eq = entry.find('=');
    if (eq == std::string::npos) continue;
    env = with_variable(std::move(env), entry.substr(0, eq), entry.substr(eq + 1));
  }
  return env;
}

std::string new_sweep_token() {
  std::uint64_t words[2] = {0, 0};
  if (getrandom(words, sizeof words, 0) != static_cast<ssize_t>(sizeof words)) {
    // No entropy source: pid, time and a counter are still unique on this machine.
    static std::atomic<std::uint64_t> counter{0};
    words[0] = static_cast<std::uint64_t>(getpid()) << 32 | counter.fetch_add(1);
    words[1] =
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  }
  return fmt::format("{:016x}{:016x}", words[0], words[1]);
}

}  // namespace landed
