// Shared by the process tests: a /bin/sh child in a scratch folder, and /proc probes written
// independently of the code under test.
#pragma once

#include <dirent.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/types.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "harness/process/process.h"
#include "tests/test_support.h"

namespace landed::testing {

/// The whole file, or "" when it cannot be read.
inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

/// Every process test runs as a subreaper, as landed does, so orphans come back to be reaped.
class ProcessTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { become_subreaper(); }

  /// `/bin/sh -c script` with PATH only, output to out.txt / err.txt, a short kill grace.
  ProcessSpec shell(const std::string& script) const {
    ProcessSpec spec;
    spec.argv = {"/bin/sh", "-c", script};
    spec.env = make_environment({"PATH"}, {});
    spec.cwd = scratch_.path();
    spec.stdout_path = scratch_ / "out.txt";
    spec.stderr_path = scratch_ / "err.txt";
    spec.kill_grace = std::chrono::milliseconds(200);
    return spec;
  }

  ProcessResult run_ok(const ProcessSpec& spec) const {
    auto result = run_process(spec);
    EXPECT_TRUE(result.ok()) << result.error().message;
    return result.ok() ? *result : ProcessResult{};
  }

  std::string out() const { return slurp(scratch_ / "out.txt"); }
  std::string err() const { return slurp(scratch_ / "err.txt"); }

  static std::string slurp(const std::filesystem::path& path) { return read_text(path); }

  ScratchDir scratch_;
};

/// Pids whose /proc/<pid>/environ holds exactly `entry`.
inline std::vector<pid_t> processes_with_environment_entry(const std::string& entry) {
  std::vector<pid_t> pids;
  std::unique_ptr<DIR, int (*)(DIR*)> proc(opendir("/proc"), closedir);
  while (const dirent* e = proc ? readdir(proc.get()) : nullptr) {
    const int pid = std::atoi(e->d_name);
    if (pid <= 0) continue;
    std::ifstream in("/proc/" + std::string(e->d_name) + "/environ", std::ios::binary);
    std::string item;
    while (std::getline(in, item, '\0')) {
      if (item == entry) pids.push_back(pid);
    }
  }
  return pids;
}

/// A token no other test process uses at the same time (ctest may run test binaries in parallel).
inline std::string unique_token(const std::string& name) {
  return "process-test-" + name + "-" + std::to_string(getpid());
}

inline std::string token_entry(const std::string& token) { return "LANDED_ATTEMPT_TOKEN=" + token; }

/// True while `pid` exists at all, zombies included (kill(pid, 0) succeeds on a zombie).
inline bool pid_exists(pid_t pid) { return kill(pid, 0) == 0; }

/// The pids a child wrote, one per line, to `path`.
inline std::vector<pid_t> read_pids(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<pid_t> pids;
  for (long pid = 0; in >> pid;) pids.push_back(static_cast<pid_t>(pid));
  return pids;
}

}  // namespace landed::testing
