#include "harness/campaign/shell_command.h"

#include "harness/base/files.h"

namespace landed {

std::vector<std::string> shell_environment(const std::filesystem::path& attempt_work_dir,
                                           const std::vector<std::string>& task_env) {
  std::vector<std::string> extra = task_env;
  extra.push_back("HOME=" + (attempt_work_dir / "home").string());
  extra.push_back("TMPDIR=" + (attempt_work_dir / "tmp").string());
  extra.push_back("CI=true");
  return make_environment({"PATH", "LANG", "LC_ALL", "TZ"}, extra);
}

Result<ProcessResult> run_shell_command(ProcessRunner& processes, const std::string& command,
                                        const std::filesystem::path& cwd,
                                        const std::filesystem::path& log, int timeout_s,
                                        const std::filesystem::path& attempt_work_dir,
                                        IsolationSpec isolation,
                                        const std::vector<std::string>& task_env) {
  // Tests write caches (pip, node, compilers) to HOME and TMPDIR: keep them in the attempt.
  const auto home = attempt_work_dir / "home";
  const auto tmp = attempt_work_dir / "tmp";
  LANDED_TRY_STATUS(make_directories(home));
  LANDED_TRY_STATUS(make_directories(tmp));
  ProcessSpec spec;
  spec.argv = {"/bin/sh", "-c", command};
  spec.env = shell_environment(attempt_work_dir, task_env);
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
