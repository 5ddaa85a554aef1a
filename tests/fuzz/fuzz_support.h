// Shared by the libFuzzer targets: inputs that the code under test reads from a file are
// written to one scratch file per process first.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

namespace landed::fuzz {

/// A scratch folder of this process, made on first use (removed when the process exits).
const std::filesystem::path& scratch_dir();
/// Writes `data` to scratch_dir()/name and returns the path.
std::filesystem::path write_scratch(const char* name, const std::uint8_t* data, std::size_t size);

/// Feeds `data` line by line to `on_line` (the last line may lack its newline).
template <class OnLine>
void for_each_line(const std::uint8_t* data, std::size_t size, OnLine on_line) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    on_line(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

}  // namespace landed::fuzz
