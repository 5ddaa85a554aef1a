// The agent's one tool: a command run with /bin/sh -c in the sandbox, in its own session,
// stdin /dev/null, stdout and stderr combined, killed (whole group) at its time limit.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "harness/base/error.h"

namespace landed::agent {

inline constexpr std::size_t kToolOutputLimit = 16 * 1024;

struct ShellResult {
  std::optional<int> exit_code;
  std::optional<int> signal;
  bool timed_out = false;
  std::string output;  // combined stdout and stderr, as read (capped in memory)
};

/// Runs `command` in the current directory. An Error only when it cannot start.
Result<ShellResult> run_shell(const std::string& command, std::chrono::milliseconds timeout);

/// Keeps the head and the tail of `text` within `limit` bytes, saying how much was cut.
std::string truncate_middle(const std::string& text, std::size_t limit);

/// What the model reads back: "exit status N" (or the signal, or the timeout), then the output.
std::string format_tool_output(const ShellResult& result, std::chrono::milliseconds timeout);

}  // namespace landed::agent
