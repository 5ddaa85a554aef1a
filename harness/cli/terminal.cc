#include "harness/cli/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

namespace landed::cli {

std::size_t terminal_width(int fd) {
  struct winsize size {};
  if (::isatty(fd) && ::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  const char* columns = std::getenv("COLUMNS");
  if (columns == nullptr) return 0;
  char* end = nullptr;
  long value = std::strtol(columns, &end, 10);
  return end != columns && *end == '\0' && value > 0 ? static_cast<std::size_t>(value) : 0;
}

bool use_color(const std::string& mode, int fd) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(fd) && (no_color == nullptr || *no_color == '\0');
}

}  // namespace landed::cli
