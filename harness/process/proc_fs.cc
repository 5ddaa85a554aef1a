#include "harness/process/proc_fs.h"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "harness/process/unique_fd.h"

namespace landed {
namespace {

// Environments hold a few kilobytes; a bound keeps a hostile one from costing much.
constexpr std::size_t kMaxEnvironmentBytes = 8 << 20;

std::string read_small_file(const std::string& path, std::size_t limit) {
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  std::string text;
  if (!fd.valid()) return text;
  char buffer[16384];
  while (text.size() < limit) {
    const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n <= 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  return text;
}

std::optional<pid_t> parse_pid(const char* name) {
  char* end = nullptr;
  const long value = std::strtol(name, &end, 10);
  if (end == name || *end != '\0' || value <= 0) return std::nullopt;
  return static_cast<pid_t>(value);
}

}  // namespace

std::vector<pid_t> list_processes() {
  std::vector<pid_t> pids;
  std::unique_ptr<DIR, int (*)(DIR*)> dir(::opendir("/proc"), ::closedir);
  if (!dir) return pids;
  while (const dirent* entry = ::readdir(dir.get())) {
    if (auto pid = parse_pid(entry->d_name)) pids.push_back(*pid);
  }
  return pids;
}

std::optional<ProcStat> read_proc_stat(pid_t pid) {
  const std::string text = read_small_file(fmt::format("/proc/{}/stat", pid), 4096);
  // The command name may hold spaces and parentheses: the fields start after the last ')'.
  const auto close = text.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  ProcStat stat;
  long ppid = 0, pgrp = 0, session = 0;
  if (std::sscanf(text.c_str() + close + 1, " %c %ld %ld %ld", &stat.state, &ppid, &pgrp,
                  &session) != 4) {
    return std::nullopt;
  }
  stat.ppid = static_cast<pid_t>(ppid);
  stat.pgrp = static_cast<pid_t>(pgrp);
  stat.session = static_cast<pid_t>(session);
  return stat;
}

std::unordered_map<pid_t, ProcStat> read_process_table() {
  std::unordered_map<pid_t, ProcStat> table;
  for (pid_t pid : list_processes()) {
    if (auto stat = read_proc_stat(pid)) table.emplace(pid, *stat);
  }
  return table;
}

bool environment_has_entry(pid_t pid, std::string_view entry) {
  std::string text(1, '\0');
  text += read_small_file(fmt::format("/proc/{}/environ", pid), kMaxEnvironmentBytes);
  text.push_back('\0');
  std::string needle(1, '\0');
  needle.append(entry);
  needle.push_back('\0');
  return text.find(needle) != std::string::npos;
}

}  // namespace landed
