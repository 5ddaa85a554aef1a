#include "harness/base/error.h"

#include <cerrno>
#include <cstring>

namespace landed {

Error errno_error(std::string_view call, std::string_view subject) {
  const int saved = errno;
  if (subject.empty()) return make_error("{} failed: {}", call, std::strerror(saved));
  return make_error("{}({}) failed: {}", call, subject, std::strerror(saved));
}

}  // namespace landed
