#include "harness/base/file_copy.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <vector>

namespace landed {

namespace {

ssize_t system_copy_range(int in, off64_t* in_offset, int out, off64_t* out_offset, size_t size,
                          unsigned int flags) {
  return ::copy_file_range(in, in_offset, out, out_offset, size, flags);
}

Status write_all(int out, const char* data, size_t size, const std::string& path) {
  while (size > 0) {
    const ssize_t n = ::write(out, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno_error("write", path);
    data += n;
    size -= static_cast<size_t>(n);
  }
  return ok_status();
}

// The plain copy: whatever is left, from the current offsets of both files.
Status read_write_copy(int in, int out, off_t left, const std::string& path) {
  std::vector<char> buffer(1 << 16);
  while (left > 0) {
    const size_t want = static_cast<size_t>(std::min<off_t>(left, static_cast<off_t>(buffer.size())));
    const ssize_t n = ::read(in, buffer.data(), want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno_error("read", path);
    if (n == 0) break;  // the source shrank under us: copy what there is
    LANDED_TRY_STATUS(write_all(out, buffer.data(), static_cast<size_t>(n), path));
    left -= n;
  }
  return ok_status();
}

}  // namespace

bool is_copy_range_refusal(int error_number) {
  switch (error_number) {
    case EXDEV: case EINVAL: case EOPNOTSUPP: case ENOSYS: case EPERM: case EBADF:
    case ETXTBSY:
      return true;
    default:
      return false;
  }
}

Status copy_fd_contents(int in, int out, off_t size, const std::string& path,
                        CopyRangeFn copy_range) {
  if (copy_range == nullptr) copy_range = system_copy_range;
  off_t left = size;
  while (left > 0) {
    const ssize_t n = copy_range(in, nullptr, out, nullptr, static_cast<size_t>(left), 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && is_copy_range_refusal(errno)) return read_write_copy(in, out, left, path);
    if (n < 0) return errno_error("copy_file_range", path);
    if (n == 0) break;  // the source shrank under us: copy what there is
    left -= n;
  }
  return ok_status();
}

}  // namespace landed
