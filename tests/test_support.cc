// Shared by every test binary; see tests/test_support.h.
#include "tests/test_support.h"

#include <cstdlib>

namespace landed::testing {

std::filesystem::path source_dir() { return LANDED_SOURCE_DIR; }
std::filesystem::path landed_binary() { return LANDED_BINARY; }

ScratchDir::ScratchDir() {
  const char* base = std::getenv("TMPDIR");
  auto made = TempDir::create(base ? base : "/tmp", "landed-test-");
  if (!made.ok()) std::abort();
  dir_.emplace(std::move(made).value());
}

}  // namespace landed::testing
