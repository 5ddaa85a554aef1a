// Copying the bytes of one open file into another: copy_file_range first (the kernel copies, and
// reflinks where the file system can), a plain read/write loop whenever the kernel refuses (the
// two files on different file systems, a file system or kernel without support, a seccomp
// filter), so a copy never fails for a reason that `cp` would not fail for.
#pragma once

#include <sys/types.h>

#include <string>

#include "harness/base/error.h"

namespace landed {

/// The signature of copy_file_range(2); tests pass a fake to drive the fallback.
using CopyRangeFn = ssize_t (*)(int, off64_t*, int, off64_t*, size_t, unsigned int);

/// Copies up to `size` bytes from the current offset of `in` to the current offset of `out`
/// (a source that shrinks under us is copied as it is). `path` names the file in errors.
Status copy_fd_contents(int in, int out, off_t size, const std::string& path,
                        CopyRangeFn copy_range = nullptr);

/// True for the errno values with which copy_file_range says "not here; copy it yourself".
bool is_copy_range_refusal(int error_number);

}  // namespace landed
