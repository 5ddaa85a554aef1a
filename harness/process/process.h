// Child processes with limits: runners (agent CLIs) and verify commands run through here.
// A child gets its own session, an explicit environment, /dev/null for stdin and its output
// captured to files up to a cap; a wall-clock timeout stops it (TERM to the group, grace, KILL);
// when it ends, whatever it left behind (its group, and descendants that escaped the group but
// still carry the run's LANDED_ATTEMPT_TOKEN) is killed and reaped.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "harness/base/error.h"
#include "harness/process/isolation.h"

namespace landed {

/// The variable that marks every process of one run, so escaped descendants can be found.
inline constexpr std::string_view kSweepTokenVariable = "LANDED_ATTEMPT_TOKEN";

/// What to run and under which limits.
struct ProcessSpec {
  /// argv[0] is searched on the PATH of `env` when it has no '/'.
  std::vector<std::string> argv;
  /// The complete environment, "KEY=VALUE"; nothing of landed's own environment is inherited.
  std::vector<std::string> env;
  /// Working directory of the child; empty: landed's own.
  std::filesystem::path cwd;
  /// Captured to this file (truncated first); empty: counted and discarded.
  std::filesystem::path stdout_path;
  /// May equal stdout_path: then both streams share one pipe, so the file keeps their order,
  /// all bytes count as stdout (cap, stdout_bytes, on_stdout_line) and stderr_bytes stays 0.
  std::filesystem::path stderr_path;
  /// Per stream; beyond it bytes are read and dropped.
  std::int64_t output_cap_bytes = 16 << 20;
  /// Wall clock.
  std::optional<std::chrono::milliseconds> timeout;
  /// Between SIGTERM and SIGKILL.
  std::chrono::milliseconds kill_grace{2000};
  /// Called for each complete stdout line (without its '\n') as it arrives, and for the last
  /// unterminated line at the end. Returning false stops the process the same way a timeout does
  /// (TERM group, grace, KILL); after that it is not called again. Lines keep being delivered
  /// during a timeout's grace period. A line is cut at max(output_cap_bytes, 1 MiB) bytes.
  std::function<bool(std::string_view line)> on_stdout_line;
  /// Added to the child's environment as LANDED_ATTEMPT_TOKEN=<token>; used to find and kill
  /// descendants that escaped the process group (setsid, double fork). Empty: a fresh random
  /// token. Runs that overlap in time must not share a token: each one's sweep would kill the
  /// other's processes. A descendant that replaces its whole environment (env -i) cannot be
  /// found this way.
  std::string sweep_token;
  /// What the child may reach (see isolation.h); mode none by default: all that landed sees.
  /// A wrapper that fails before the command starts (a mount refused, a ruleset rejected) is an
  /// Error of run_process naming the cause, never a silent run without isolation.
  IsolationSpec isolation;
  /// When this descriptor becomes readable (e.g. an eventfd landed's metering proxy signals once
  /// a limit was reached), the process is stopped as if on_stdout_line returned false. -1: none.
  int stop_fd = -1;
};

/// How a run ended and what it used.
struct ProcessResult {
  /// Null when killed by a signal. Both null: the status was lost (code outside this module
  /// reaped the child with waitpid(-1); landed must not do that).
  std::optional<int> exit_code;
  std::optional<int> signal;
  bool timed_out = false;
  bool stopped = false;                              ///< on_stdout_line returned false or stop_fd fired
  double wall_s = 0, cpu_user_s = 0, cpu_sys_s = 0;  ///< cpu includes reaped descendants
  std::int64_t max_rss_kb = 0;
  std::int64_t stdout_bytes = 0, stderr_bytes = 0;  ///< bytes seen (including dropped ones)
  bool stdout_truncated = false, stderr_truncated = false;
  /// stdout lines longer than the line limit, delivered cut to on_stdout_line.
  std::int64_t stdout_lines_cut = 0;
  /// Empty unless writing a capture file failed midway (e.g. disk full); output past that
  /// point was dropped and the stream is marked truncated.
  std::string capture_error;
};

/// Runs to completion. An Error only when the process could not be started at all (missing
/// executable, bad working directory, unwritable log path, fork failure): callers record that
/// as infra_error. A non-zero exit, a signal or a timeout is a normal ProcessResult.
/// Safe to call from several threads at once. Every child of landed must be started through
/// here: the clean-up reaps zombie orphans of other sessions that were re-parented to landed.
Result<ProcessResult> run_process(const ProcessSpec& spec);

/// Starts processes; an interface so the attempt pipeline can be tested with a fake.
class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;
  virtual Result<ProcessResult> run(const ProcessSpec& spec) = 0;
};

/// The real thing: calls run_process.
class SystemProcessRunner final : public ProcessRunner {
 public:
  Result<ProcessResult> run(const ProcessSpec& spec) override;
};

/// Call once at start-up of the landed process: PR_SET_CHILD_SUBREAPER, so descendants that
/// escape their group are re-parented to us (not to init) and can be reaped.
void become_subreaper();

/// Builds an environment list from the current process's environment, keeping only the names in
/// `keep` (e.g. PATH, HOME, LANG, TMPDIR, TERM...), then adding/overriding `extra` ("K=V").
std::vector<std::string> make_environment(const std::vector<std::string>& keep,
                                          const std::vector<std::string>& extra);

}  // namespace landed
