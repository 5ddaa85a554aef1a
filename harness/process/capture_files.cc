#include "harness/process/capture_files.h"

#include <fcntl.h>
#include <sys/stat.h>

namespace landed {
namespace {

namespace fs = std::filesystem;

Result<UniqueFd> open_capture_file(const fs::path& path) {
  if (path.empty()) return UniqueFd();
  UniqueFd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (!fd.valid()) return errno_error("open", path.string());
  return fd;
}

/// Same spelling, or another name (a link, "./x") of the file already opened as `out`.
bool names_same_file(const fs::path& out_path, int out_fd, const fs::path& err_path) {
  if (out_path.empty() || err_path.empty()) return false;
  std::error_code ignored;
  if (fs::absolute(out_path, ignored).lexically_normal() ==
      fs::absolute(err_path, ignored).lexically_normal()) {
    return true;
  }
  struct stat out_info {};
  struct stat err_info {};
  return ::fstat(out_fd, &out_info) == 0 && ::stat(err_path.c_str(), &err_info) == 0 &&
         out_info.st_dev == err_info.st_dev && out_info.st_ino == err_info.st_ino;
}

}  // namespace

Result<CaptureFiles> open_capture_files(const fs::path& stdout_path, const fs::path& stderr_path) {
  CaptureFiles files;
  LANDED_TRY(files.out, open_capture_file(stdout_path));
  files.merged = names_same_file(stdout_path, files.out.get(), stderr_path);
  if (!files.merged) {
    LANDED_TRY(files.err, open_capture_file(stderr_path));
  }
  return files;
}

}  // namespace landed
