#include "harness/cli/log_tail.h"

#include <fstream>

namespace landed::cli {

namespace {
constexpr std::streamoff kMaxTailBytes = 64 * 1024;
}

std::vector<std::string> log_tail(const std::filesystem::path& path, int count) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(size > kMaxTailBytes ? size - kMaxTailBytes : 0);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(std::move(line));
  if (static_cast<int>(lines.size()) > count)
    lines.erase(lines.begin(), lines.end() - count);
  return lines;
}

void print_log_tail(std::ostream& out, const std::filesystem::path& path, int count,
                    std::string_view indent) {
  const std::vector<std::string> lines = log_tail(path, count);
  if (lines.empty()) out << indent << "(empty log)\n";
  for (const std::string& line : lines) out << indent << line << "\n";
}

}  // namespace landed::cli
