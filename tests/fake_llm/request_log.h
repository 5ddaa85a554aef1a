// The fake server's log: one JSON line per request served, flushed at once so a test can read
// it while the server still runs. Tests compare the usage a client recorded with it.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "harness/base/error.h"

namespace fake_llm {

class RequestLog {
 public:
  /// An empty path logs nothing.
  static landed::Result<RequestLog> open(const std::filesystem::path& path);
  void append(const nlohmann::json& entry);

 private:
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  std::unique_ptr<std::FILE, Closer> file_;
  std::unique_ptr<std::mutex> mutex_ = std::make_unique<std::mutex>();
};

}  // namespace fake_llm
