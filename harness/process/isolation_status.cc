#include "harness/process/isolation_status.h"

#include <unistd.h>

#include <algorithm>

#include <fstream>
#include <sstream>

namespace landed {
namespace {

/// The last line bubblewrap wrote about itself, from the end of the captured stderr.
std::string bwrap_message(const std::filesystem::path& log) {
  if (log.empty()) return {};
  std::ifstream in(log, std::ios::binary);
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(std::max<std::streamoff>(0, size - 8192));
  std::string line, found;
  while (std::getline(in, line))
    if (line.rfind("bwrap: ", 0) == 0) found = line;
  return found;
}

}  // namespace

std::string read_status_pipe(const UniqueFd& fd) {
  std::string text;
  if (!fd.valid()) return text;
  char buffer[4096];
  ssize_t n;
  while (text.size() < (1 << 16) && (n = ::read(fd.get(), buffer, sizeof buffer)) > 0)
    text.append(buffer, static_cast<std::size_t>(n));
  return text;
}

Status isolation_outcome(IsolationMode mode, const std::string& status_text,
                         const std::filesystem::path& stderr_log, bool stopped_by_landed) {
  if (stopped_by_landed) return ok_status();
  if (mode == IsolationMode::kLandlock && !status_text.empty()) {
    std::string cause = status_text;
    while (!cause.empty() && cause.back() == '\n') cause.pop_back();
    return make_error("isolation \"landlock\" failed before the command started: {}", cause);
  }
  if (mode == IsolationMode::kNamespaces &&
      status_text.find("\"exit-code\"") == std::string::npos) {
    const std::string message = bwrap_message(stderr_log);
    return make_error("isolation \"namespaces\" failed before the command started: {}",
                      message.empty() ? "bubblewrap ended without running it" : message);
  }
  return ok_status();
}

}  // namespace landed
