#include "harness/task/task_digest.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <system_error>
#include <vector>

#include "harness/base/files.h"
#include "harness/base/sha256.h"
#include "harness/base/unique_fd.h"

namespace landed {

namespace fs = std::filesystem;

namespace {

// Bump when the encoding below changes: old digests must not match new ones.
constexpr std::string_view kDigestVersion = "landed-task-tree-v1";

/// Closes a descriptor when it goes out of scope.
Status hash_symlink(Sha256& hash, const fs::path& path) {
  std::error_code ec;
  const fs::path target = fs::read_symlink(path, ec);
  if (ec) return make_error("readlink({}) failed: {}", path.string(), ec.message());
  hash.update_field("symlink");
  hash.update_field(target.string());
  return ok_status();
}

/// Kind, size, then the bytes in fixed-size chunks: memory stays flat whatever the file size.
Status hash_contents(Sha256& hash, int fd, const struct stat& info, const fs::path& path,
                     std::vector<char>& buffer) {
  hash.update_field((info.st_mode & S_IXUSR) != 0 ? "executable" : "regular");
  const std::uint64_t size = static_cast<std::uint64_t>(info.st_size);
  hash.update(std::string_view(reinterpret_cast<const char*>(&size), sizeof size));
  std::uint64_t total = 0;
  while (total < size) {
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno_error("read", path.string());
    if (n == 0) break;
    hash.update(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    total += static_cast<std::uint64_t>(n);
  }
  if (total != size) return make_error("{} changed while its digest was computed", path.string());
  return ok_status();
}

/// One open and one fstat per file: O_NOFOLLOW fails with ELOOP on a symlink, and O_NONBLOCK
/// keeps a fifo from blocking the open so fstat can reject it.
Status hash_entry(Sha256& hash, const fs::path& root, const std::string& relative,
                  std::vector<char>& buffer) {
  const fs::path path = root / relative;
  hash.update_field(relative);
  UniqueFd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY));
  if (fd.get() < 0 && errno == ELOOP) return hash_symlink(hash, path);
  if (fd.get() < 0) return errno_error("open", path.string());
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) return errno_error("fstat", path.string());
  if (!S_ISREG(info.st_mode))
    return make_error("{}: unsupported file type (only files, folders and symlinks are allowed)",
                      path.string());
  return hash_contents(hash, fd.get(), info, path, buffer);
}

}  // namespace

Result<std::string> task_tree_digest(const fs::path& root) {
  LANDED_TRY(std::vector<std::string> files, list_files(root));
  std::vector<char> buffer(64 * 1024);
  Sha256 hash;
  hash.update_field(kDigestVersion);
  for (const std::string& relative : files)
    LANDED_TRY_STATUS(hash_entry(hash, root, relative, buffer));
  return hash.hex();
}

}  // namespace landed
