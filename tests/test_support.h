// Helpers every test binary shares: paths of the source tree and the binary, scratch folders.
#pragma once

#include <filesystem>
#include <optional>

#include "harness/base/files.h"

namespace landed::testing {

std::filesystem::path source_dir();
std::filesystem::path landed_binary();

/// A fresh temporary folder, removed when the test ends.
class ScratchDir {
 public:
  ScratchDir();
  const std::filesystem::path& path() const { return dir_->path(); }
  std::filesystem::path operator/(const std::filesystem::path& p) const { return path() / p; }

 private:
  std::optional<TempDir> dir_;
};

}  // namespace landed::testing
