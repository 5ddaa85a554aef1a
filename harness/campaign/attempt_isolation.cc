#include "harness/campaign/attempt_isolation.h"

#include <fstream>

namespace landed {

namespace fs = std::filesystem;

IsolationSpec agent_isolation(IsolationMode mode, bool network, const fs::path& sandbox,
                              const AttemptWorkDirs& dirs, const std::vector<fs::path>& inputs) {
  IsolationSpec spec = command_isolation(mode, network, sandbox, dirs);
  spec.sandbox_rw.push_back(dirs.scratch());
  spec.read_only_paths.insert(spec.read_only_paths.end(), inputs.begin(), inputs.end());
  return spec;
}

IsolationSpec command_isolation(IsolationMode mode, bool network, const fs::path& cwd,
                                const AttemptWorkDirs& dirs) {
  IsolationSpec spec;
  spec.mode = mode;
  spec.network = network;
  spec.sandbox_rw = {cwd};
  spec.private_home = dirs.home();
  spec.private_tmp = dirs.tmp();
  spec.read_only_paths = git_alternates(cwd);
  return spec;
}

IsolationSpec with_toolchains(IsolationSpec spec, const std::vector<fs::path>& toolchains) {
  spec.read_only_paths.insert(spec.read_only_paths.end(), toolchains.begin(), toolchains.end());
  return spec;
}

std::vector<fs::path> git_alternates(const fs::path& sandbox) {
  std::vector<fs::path> paths;
  std::ifstream in(sandbox / ".git" / "objects" / "info" / "alternates");
  std::string line;
  while (std::getline(in, line))
    if (!line.empty() && line.front() == '/') paths.emplace_back(line);
  return paths;
}

IsolationInfo isolation_info(IsolationMode mode, bool network_requested_off) {
  return IsolationInfo{std::string(to_string(mode)),
                       missing_guarantees(mode, network_requested_off)};
}

}  // namespace landed
