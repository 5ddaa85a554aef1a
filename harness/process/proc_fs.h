// Reading /proc: which processes exist, their parent, group, session and state, and whether
// their environment carries a given entry. Used to find what a run left behind.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace landed {

/// Every process (thread-group leader) listed in /proc.
std::vector<pid_t> list_processes();

/// Fields of /proc/<pid>/stat that say who a process belongs to.
struct ProcStat {
  char state = '?';  ///< 'Z' for a zombie
  pid_t ppid = 0;
  pid_t pgrp = 0;
  pid_t session = 0;
};
/// Null when the process is gone (or unreadable).
std::optional<ProcStat> read_proc_stat(pid_t pid);

/// Every process with its stat fields, read now (processes gone meanwhile are left out).
std::unordered_map<pid_t, ProcStat> read_process_table();

/// True when /proc/<pid>/environ holds exactly `entry` ("K=V") as one of its strings.
/// A zombie's or an unreadable process's environment is empty.
bool environment_has_entry(pid_t pid, std::string_view entry);

}  // namespace landed
