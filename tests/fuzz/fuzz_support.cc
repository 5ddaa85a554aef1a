#include "tests/fuzz/fuzz_support.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

namespace landed::fuzz {

const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::string pattern = (std::filesystem::temp_directory_path() / "landed-fuzz-XXXXXX").string();
    const char* made = ::mkdtemp(pattern.data());
    if (made == nullptr) std::abort();
    std::filesystem::path path(made);
    static const std::filesystem::path* cleanup = new std::filesystem::path(path);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(*cleanup, ec);
    });
    return path;
  }();
  return dir;
}

std::filesystem::path write_scratch(const char* name, const std::uint8_t* data, std::size_t size) {
  const std::filesystem::path path = scratch_dir() / name;
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

}  // namespace landed::fuzz
