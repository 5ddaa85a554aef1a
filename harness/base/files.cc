#include "harness/base/files.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <system_error>

namespace landed {

Result<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return errno_error("open", path.string());
  std::string contents((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return errno_error("read", path.string());
  return contents;
}

static Status write_fd_all(int fd, std::string_view contents, const fs::path& path) {
  while (!contents.empty()) {
    ssize_t n = ::write(fd, contents.data(), contents.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno_error("write", path.string());
    contents.remove_prefix(static_cast<size_t>(n));
  }
  return ok_status();
}

Status write_file(const fs::path& path, std::string_view contents) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return errno_error("open", path.string());
  Status written = write_fd_all(fd, contents, path);
  if (::close(fd) != 0 && written.ok()) return errno_error("close", path.string());
  return written;
}

Status write_file_atomic(const fs::path& path, std::string_view contents) {
  fs::path temp = path;
  temp += ".tmp." + std::to_string(::getpid());
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return errno_error("open", temp.string());
  Status written = write_fd_all(fd, contents, temp);
  if (written.ok() && ::fsync(fd) != 0) written = errno_error("fsync", temp.string());
  ::close(fd);
  if (!written.ok()) {
    ::unlink(temp.c_str());
    return written;
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) return errno_error("rename", path.string());
  return ok_status();
}

Status make_directories(const fs::path& path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) return make_error("mkdir({}) failed: {}", path.string(), ec.message());
  return ok_status();
}

Status remove_tree(const fs::path& path) {
  std::error_code ec;
  // Agents may leave read-only directories behind; make them writable before removal.
  fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
  for (auto it = fs::recursive_directory_iterator(path, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec))
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
  }
  ec.clear();
  fs::remove_all(path, ec);
  if (ec) return make_error("remove({}) failed: {}", path.string(), ec.message());
  return ok_status();
}

Status grant_owner_access(const fs::path& root) {
  std::error_code ec;
  fs::permissions(root, fs::perms::owner_all, fs::perm_options::add, ec);
  auto it = fs::recursive_directory_iterator(root, ec);
  if (ec) return make_error("list({}) failed: {}", root.string(), ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return make_error("list({}) failed: {}", root.string(), ec.message());
    const fs::file_status status = it->symlink_status(ec);
    // Before the iterator descends into a folder, the folder must be listable.
    if (fs::is_directory(status))
      fs::permissions(it->path(), fs::perms::owner_all, fs::perm_options::add, ec);
    else if (fs::is_regular_file(status))
      fs::permissions(it->path(), fs::perms::owner_read, fs::perm_options::add, ec);
    ec.clear();
  }
  return ok_status();
}

Result<std::vector<std::string>> list_files(const fs::path& root) {
  std::vector<std::string> files;
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(root, ec);
  if (ec) return make_error("list({}) failed: {}", root.string(), ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return make_error("list({}) failed: {}", root.string(), ec.message());
    // Asked in this order, both answers come from the cached d_type: no stat per entry.
    if (!it->is_symlink(ec) && it->is_directory(ec)) {
      if (it->path().filename() == ".git") it.disable_recursion_pending();
      continue;
    }
    // Lexically: fs::relative would resolve symlinks on the way.
    files.push_back(it->path().lexically_relative(root).generic_string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

Result<TempDir> TempDir::create(const fs::path& parent, std::string_view prefix) {
  LANDED_TRY_STATUS(make_directories(parent));
  std::string pattern = (parent / (std::string(prefix) + "XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) return errno_error("mkdtemp", pattern);
  return TempDir(fs::path(pattern));
}

TempDir::TempDir(TempDir&& other) noexcept
    : path_(std::move(other.path_)), keep_(other.keep_) {
  other.path_.clear();
}

TempDir& TempDir::operator=(TempDir&& other) noexcept {
  if (this != &other) {
    if (!path_.empty() && !keep_) (void)remove_tree(path_);
    path_ = std::move(other.path_);
    keep_ = other.keep_;
    other.path_.clear();
  }
  return *this;
}

TempDir::~TempDir() {
  if (!path_.empty() && !keep_) (void)remove_tree(path_);
}

}  // namespace landed
