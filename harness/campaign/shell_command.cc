#include "harness/campaign/shell_command.h"

#include "harness/base/files.h"

namespace landed {

Result<ProcessResult> run_shell_command(ProcessRunner& processes, const std::string& command,
                                        const std::filesystem::path& cwd,
                                        const std::filesystem::path& log, int timeout_s,
                                        const std::filesystem::path& attempt_work_dir,
                                        IsolationSpec isolation) {
  // Tests write caches (pip, node, compilers) to HOME and TMPDIR: keep them in the attempt.
  const auto home = attempt_work_dir / "home";
  const auto tmp = attempt_work_dir / "tmp";
  LANDED_TRY_STATUS(make_directories(home));
  LANDED_TRY_STATUS(make_directories(tmp));
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", command};
  spec.env = make_environment({"PATH", "LANG", "LC_ALL", "TZ"},
                              {"HOME=" + home.string(), "TMPDIR=" + tmp.string(), "CI=true"});
  spec.cwd = cwd;
  spec.stdout_path = log;
  spec.stderr_path = log;
  spec.timeout = std::chrono::seconds(timeout_s);
  isolation.private_home = home;
  isolation.private_tmp = tmp;
  spec.isolation = std::move(isolation);
  return processes.run(spec);
}

}  // namespace landed
