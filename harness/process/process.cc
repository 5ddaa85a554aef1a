#include "harness/process/process.h"

#include <poll.h>
#include <sys/wait.h>

#include <cerrno>
#include <csignal>

#include "harness/base/clock.h"
#include "harness/process/absolute_paths.h"
#include "harness/process/capture_files.h"
#include "harness/process/environment.h"
#include "harness/process/isolation_argv.h"
#include "harness/process/isolation_status.h"
#include "harness/process/output_stream.h"
#include "harness/process/program_path.h"
#include "harness/process/spawn.h"
#include "harness/process/interrupt.h"
#include "harness/process/stopper.h"

namespace landed {
namespace {

using Clock = std::chrono::steady_clock;

/// After the child exited and its leftovers were killed, the pipes normally hit end-of-file at
/// once; this bounds the wait for a writer the sweep could not find (it replaced its environment).
constexpr std::chrono::milliseconds kDrainBudget{250};

struct Capture {
  OutputStream out;
  std::optional<OutputStream> err;
};

Result<SpawnRequest> make_request(const ProcessSpec& spec, bool merged) {
  if (spec.argv.empty()) return make_error("cannot start a process: argv is empty");
  LANDED_TRY(std::string program, resolve_program(spec.argv.front(), spec.env, spec.cwd));
  std::string token = spec.sweep_token.empty() ? new_sweep_token() : spec.sweep_token;
  std::vector<std::string> env = with_variable(spec.env, kSweepTokenVariable, token);
  LANDED_TRY(IsolatedCommand command,
             isolate_command(spec.isolation, {std::move(program), spec.argv, std::move(env), spec.cwd},
                             isolation_tools()));
  const bool wrapped = spec.isolation.mode == IsolationMode::kNamespaces ||
                       spec.isolation.mode == IsolationMode::kLandlock;
  return SpawnRequest{std::move(command.program), std::move(command.argv), std::move(command.env),
                      spec.cwd, merged, std::move(token), wrapped};
}

Capture make_capture(const ProcessSpec& spec, SpawnedChild& child, CaptureFiles& files) {
  Capture capture{OutputStream(std::move(child.stdout_read), std::move(files.out), spec.stdout_path,
                               spec.output_cap_bytes, spec.on_stdout_line),
                  std::nullopt};
  if (child.stderr_read.valid()) {
    capture.err.emplace(std::move(child.stderr_read), std::move(files.err), spec.stderr_path,
                        spec.output_cap_bytes, LineCallback());
  }
  return capture;
}

std::vector<OutputStream*> open_streams(Capture& capture) {
  std::vector<OutputStream*> streams;
  if (capture.out.open()) streams.push_back(&capture.out);
  if (capture.err && capture.err->open()) streams.push_back(&*capture.err);
  return streams;
}

/// Polls `extra_fd` (if >= 0, first), `wake_fd` (if >= 0), the open streams and `stop_fd` (if
/// >= 0, last); reads each ready stream once. Returns whether `extra_fd` is ready (false on a
/// timeout or a wake-up); sets `*stop` when `stop_fd` is.
bool poll_and_read(Capture& capture, int extra_fd, int timeout_ms, int wake_fd = -1,
                   int stop_fd = -1, bool* stop = nullptr) {
  std::vector<OutputStream*> streams = open_streams(capture);
  std::vector<pollfd> fds;
  if (extra_fd >= 0) fds.push_back({extra_fd, POLLIN, 0});
  if (wake_fd >= 0) fds.push_back({wake_fd, POLLIN, 0});
  for (OutputStream* stream : streams) fds.push_back({stream->fd(), POLLIN, 0});
  if (stop_fd >= 0) fds.push_back({stop_fd, POLLIN, 0});
  if (::poll(fds.data(), fds.size(), timeout_ms) <= 0) return false;
  const std::size_t first_stream = (extra_fd >= 0 ? 1 : 0) + (wake_fd >= 0 ? 1 : 0);
  for (std::size_t i = 0; i < streams.size(); ++i) {
    if (fds[first_stream + i].revents != 0) streams[i]->read_available();
  }
  if (stop_fd >= 0 && stop != nullptr && fds.back().revents != 0) *stop = true;
  return extra_fd >= 0 && fds[0].revents != 0;
}

/// Reads output and enforces the deadline until the child has exited (it is left unreaped).
/// A SIGINT/SIGTERM to landed stops the child like a timeout does (TERM, grace, KILL), and so
/// does `stop_fd` becoming readable (the metering proxy refused a call for a limit). Returns
/// whether `stop_fd` asked for the stop.
bool supervise(const ProcessTree& tree, Capture& capture, Stopper& stopper, int stop_fd) {
  bool stopping_for_signal = false;
  bool stop_asked = false;
  while (true) {
    const int wake_fd = stopping_for_signal ? -1 : interrupt_fd();
    // Once asked, stop_fd stays readable: it is not polled again.
    const bool exited = poll_and_read(capture, tree.pidfd(), stopper.poll_timeout_ms(Clock::now()),
                                      wake_fd, stop_asked ? -1 : stop_fd, &stop_asked);
    if (capture.out.stop_requested() || stop_asked) stopper.stop(Clock::now());
    if (!stopping_for_signal && interrupted()) {
      stopping_for_signal = true;
      stopper.stop(Clock::now());
    }
    if (exited) return stop_asked;
    stopper.tick(Clock::now());
  }
}

/// Reads what is left in the pipes, without waiting for end-of-file beyond kDrainBudget.
void drain(Capture& capture) {
  const auto deadline = Clock::now() + kDrainBudget;
  while (!open_streams(capture).empty() && Clock::now() < deadline) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    poll_and_read(capture, -1, static_cast<int>(left.count()));
  }
  capture.out.finish();
  if (capture.err) capture.err->finish();
}

double seconds(const timeval& tv) { return static_cast<double>(tv.tv_sec) + tv.tv_usec / 1e6; }

void record_exit(const ChildExit& exit, ProcessResult& result) {
  if (exit.lost) return;
  if (WIFEXITED(exit.status)) result.exit_code = WEXITSTATUS(exit.status);
  if (WIFSIGNALED(exit.status)) result.signal = WTERMSIG(exit.status);
  result.cpu_user_s = seconds(exit.usage.ru_utime);
  result.cpu_sys_s = seconds(exit.usage.ru_stime);
  // Linux starts a child's ru_maxrss at the spawner's peak RSS (exec keeps the old mm's
  // high-water mark), so this is only the child's own peak while landed stays leaner than it.
  result.max_rss_kb = exit.usage.ru_maxrss;
}

void record_capture(const Capture& capture, ProcessResult& result) {
  result.stdout_bytes = capture.out.bytes_seen();
  result.stdout_truncated = capture.out.truncated();
  result.stopped = capture.out.stop_requested();
  result.stdout_lines_cut = capture.out.lines_cut();
  result.capture_error = capture.out.write_error();
  if (!capture.err) return;
  result.stderr_bytes = capture.err->bytes_seen();
  result.stderr_truncated = capture.err->truncated();
  if (result.capture_error.empty()) result.capture_error = capture.err->write_error();
}

std::optional<Clock::time_point> deadline_of(const ProcessSpec& spec, Clock::time_point start) {
  if (!spec.timeout) return std::nullopt;
  return start + *spec.timeout;
}

}  // namespace

Result<ProcessResult> run_process(const ProcessSpec& spec) {
  // A child runs elsewhere: a relative path landed hands it would name another file.
  LANDED_TRY_STATUS(check_absolute("the working directory", spec.cwd));
  LANDED_TRY_STATUS(check_absolute("the stdout file", spec.stdout_path));
  LANDED_TRY_STATUS(check_absolute("the stderr file", spec.stderr_path));
  LANDED_TRY(CaptureFiles files, open_capture_files(spec.stdout_path, spec.stderr_path));
  LANDED_TRY(const SpawnRequest request, make_request(spec, files.merged));
  const Stopwatch wall;
  LANDED_TRY(SpawnedChild child, spawn_child(request));
  Capture capture = make_capture(spec, child, files);
  Stopper stopper(child.tree, deadline_of(spec, Clock::now()), spec.kill_grace);
  const bool stop_asked = supervise(child.tree, capture, stopper, spec.stop_fd);
  // The child is a zombie now, so its group id is still pinned: kill what is left in the group.
  child.tree.signal_group(SIGKILL);
  ProcessResult result;
  record_exit(child.tree.reap(), result);
  result.wall_s = wall.seconds();
  result.timed_out = stopper.timed_out();
  child.tree.sweep();
  drain(capture);
  record_capture(capture, result);
  result.stopped = result.stopped || stop_asked;
  LANDED_TRY_STATUS(isolation_outcome(spec.isolation.mode, read_status_pipe(child.status_read),
                                      spec.stderr_path, result.timed_out || result.stopped));
  return result;
}

Result<ProcessResult> SystemProcessRunner::run(const ProcessSpec& spec) {
  return run_process(spec);
}

}  // namespace landed
