#include "tests/fake_llm/request_log.h"

namespace fake_llm {

landed::Result<RequestLog> RequestLog::open(const std::filesystem::path& path) {
  RequestLog log;
  if (path.empty()) return log;
  log.file_.reset(std::fopen(path.c_str(), "a"));
  if (!log.file_) return landed::errno_error("fopen", path.string());
  return log;
}

void RequestLog::append(const nlohmann::json& entry) {
  if (!file_) return;
  const std::string line = entry.dump() + "\n";
  std::lock_guard<std::mutex> lock(*mutex_);
  std::fwrite(line.data(), 1, line.size(), file_.get());
  std::fflush(file_.get());
}

}  // namespace fake_llm
