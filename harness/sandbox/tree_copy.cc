#include "harness/sandbox/tree_copy.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "harness/base/file_copy.h"
#include "harness/base/unique_fd.h"

namespace landed {

namespace fs = std::filesystem;

namespace {

using Fd = UniqueFd;

Status copy_file(int from_dir, int to_dir, const char* name, mode_t mode, off_t size,
                 const std::string& path) {
  Fd in(::openat(from_dir, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (in.get() < 0) return errno_error("open", path);
  Fd out(::openat(to_dir, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode & 0777));
  if (out.get() < 0) return errno_error("create", path);
  LANDED_TRY_STATUS(copy_fd_contents(in.get(), out.get(), size, path));
  // O_CREAT applied the umask; the executable bits must survive it.
  if ((mode & 0777) != 0644 && ::fchmod(out.get(), mode & 0777) != 0)
    return errno_error("fchmod", path);
  return ok_status();
}

Status copy_symlink(int from_dir, int to_dir, const char* name, off_t size, const std::string& path) {
  std::string target(static_cast<size_t>(size > 0 ? size : 256) + 1, '\0');
  const ssize_t n = ::readlinkat(from_dir, name, target.data(), target.size());
  if (n < 0) return errno_error("readlink", path);
  target.resize(static_cast<size_t>(n));
  if (::symlinkat(target.c_str(), to_dir, name) != 0) return errno_error("symlink", path);
  return ok_status();
}

// Copies the entries of the open folder `from_dir` into the open folder `to_dir`.
Status copy_entries(int from_dir, int to_dir, const std::string& path, const std::string& skip) {
  const int listing = ::dup(from_dir);
  if (listing < 0) return errno_error("dup", path);
  DIR* dir = ::fdopendir(listing);
  if (!dir) {
    ::close(listing);
    return errno_error("opendir", path);
  }
  std::vector<std::string> folders;
  Status status = ok_status();
  while (status.ok()) {
    errno = 0;
    const dirent* entry = ::readdir(dir);
    if (!entry) {
      if (errno != 0) status = errno_error("readdir", path);
      break;
    }
    const char* name = entry->d_name;
    if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
    if (!skip.empty() && skip == name) continue;
    const std::string child = path + "/" + name;
    struct stat info {};
    if (::fstatat(from_dir, name, &info, AT_SYMLINK_NOFOLLOW) != 0) {
      status = errno_error("stat", child);
    } else if (S_ISREG(info.st_mode)) {
      status = copy_file(from_dir, to_dir, name, info.st_mode, info.st_size, child);
    } else if (S_ISLNK(info.st_mode)) {
      status = copy_symlink(from_dir, to_dir, name, info.st_size, child);
    } else if (S_ISDIR(info.st_mode)) {
      if (::mkdirat(to_dir, name, info.st_mode & 0777) != 0) status = errno_error("mkdir", child);
      else folders.emplace_back(name);
    } else {
      status = make_error("{} is neither a file, a folder nor a symlink", child);
    }
  }
  ::closedir(dir);
  for (const std::string& name : folders) {
    if (!status.ok()) break;
    const std::string child = path + "/" + name;
    Fd in(::openat(from_dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW));
    if (in.get() < 0) return errno_error("open", child);
    Fd out(::openat(to_dir, name.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW));
    if (out.get() < 0) return errno_error("open", child);
    status = copy_entries(in.get(), out.get(), child, "");
  }
  return status;
}

}  // namespace

Status copy_tree(const fs::path& from, const fs::path& to, const std::string& skip_top_level) {
  std::error_code ec;
  fs::create_directories(to, ec);
  if (ec) return make_error("mkdir({}) failed: {}", to.string(), ec.message());
  Fd in(::open(from.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (in.get() < 0) return errno_error("open", from.string());
  Fd out(::open(to.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (out.get() < 0) return errno_error("open", to.string());
  return copy_entries(in.get(), out.get(), from.string(), skip_top_level);
}

}  // namespace landed
