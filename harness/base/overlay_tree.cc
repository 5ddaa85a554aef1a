// overlay_tree (files.h): copies files onto a tree that an agent may have shaped, so it walks the
// target one folder at a time with O_NOFOLLOW and never resolves a path out of it.
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iterator>
#include <vector>

#include "harness/base/file_copy.h"
#include "harness/base/files.h"
#include "harness/base/unique_fd.h"

namespace landed {

namespace {

constexpr int kFolderFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

Status remove_entry_at(int dir, const char* name, const std::string& path);

// Empties and removes the folder `name` in `dir` without following any symlink in it.
Status remove_folder_at(int dir, const char* name, const std::string& path) {
  ::fchmodat(dir, name, 0700, 0);  // an agent may have left it read-only
  UniqueFd folder(::openat(dir, name, kFolderFlags));
  if (!folder.valid()) return errno_error("open", path);
  UniqueFd listed(::dup(folder.get()));
  DIR* listing = listed.valid() ? ::fdopendir(listed.get()) : nullptr;
  if (listing == nullptr) return errno_error("opendir", path);
  listed.release();  // closedir closes it
  std::vector<std::string> names;
  while (const dirent* entry = ::readdir(listing))
    if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0)
      names.emplace_back(entry->d_name);
  ::closedir(listing);
  for (const std::string& child : names)
    LANDED_TRY_STATUS(remove_entry_at(folder.get(), child.c_str(), path + "/" + child));
  if (::unlinkat(dir, name, AT_REMOVEDIR) != 0) return errno_error("rmdir", path);
  return ok_status();
}

// Removes whatever `name` is in `dir` (file, symlink, folder); nothing there is fine.
Status remove_entry_at(int dir, const char* name, const std::string& path) {
  struct stat info {};
  if (::fstatat(dir, name, &info, AT_SYMLINK_NOFOLLOW) != 0)
    return errno == ENOENT ? ok_status() : Status(errno_error("stat", path));
  if (S_ISDIR(info.st_mode)) return remove_folder_at(dir, name, path);
  if (::unlinkat(dir, name, 0) != 0) return errno_error("unlink", path);
  return ok_status();
}

// The folder `name` in `dir`, made a real folder first if it is missing, a file or a symlink.
Result<UniqueFd> enter_folder(int dir, const std::string& name, const std::string& path) {
  struct stat info {};
  const bool exists = ::fstatat(dir, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0;
  if (!exists && errno != ENOENT) return errno_error("stat", path);
  if (exists && !S_ISDIR(info.st_mode)) {
    if (::unlinkat(dir, name.c_str(), 0) != 0) return errno_error("unlink", path);
  }
  if ((!exists || !S_ISDIR(info.st_mode)) && ::mkdirat(dir, name.c_str(), 0755) != 0)
    return errno_error("mkdir", path);
  UniqueFd folder(::openat(dir, name.c_str(), kFolderFlags));
  if (!folder.valid()) return errno_error("open", path);
  return folder;
}

Status place_symlink(const fs::path& source, int dir, const char* name, const std::string& path) {
  std::error_code ec;
  const fs::path target = fs::read_symlink(source, ec);
  if (ec) return make_error("readlink({}) failed: {}", source.string(), ec.message());
  if (::symlinkat(target.c_str(), dir, name) != 0) return errno_error("symlink", path);
  return ok_status();
}

Status place_file(const fs::path& source, const struct stat& info, int dir, const char* name,
                  const std::string& path) {
  UniqueFd in(::open(source.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  if (!in.valid()) return errno_error("open", source.string());
  UniqueFd out(::openat(dir, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
  if (!out.valid()) return errno_error("create", path);
  LANDED_TRY_STATUS(copy_fd_contents(in.get(), out.get(), info.st_size, source.string()));
  if (::fchmod(out.get(), info.st_mode & 0777) != 0) return errno_error("fchmod", path);
  return ok_status();
}

// Puts the file (or symlink) `from/relative` at `relative` below the open folder `root`.
Status overlay_one(const fs::path& from, int root, const std::string& relative,
                   const fs::path& to) {
  const fs::path source = from / relative;
  struct stat info {};
  if (::lstat(source.c_str(), &info) != 0) return errno_error("stat", source.string());
  UniqueFd dir(::dup(root));
  if (!dir.valid()) return errno_error("dup", to.string());
  const fs::path rel(relative);
  std::string walked = to.string();
  for (auto it = rel.begin(); std::next(it) != rel.end(); ++it) {
    walked += "/" + it->string();
    LANDED_TRY(dir, enter_folder(dir.get(), it->string(), walked));
  }
  const std::string name = rel.filename().string();
  const std::string target = to.string() + "/" + relative;
  LANDED_TRY_STATUS(remove_entry_at(dir.get(), name.c_str(), target));
  if (S_ISLNK(info.st_mode)) return place_symlink(source, dir.get(), name.c_str(), target);
  if (S_ISREG(info.st_mode)) return place_file(source, info, dir.get(), name.c_str(), target);
  return make_error("{} is neither a file nor a symlink", source.string());
}

}  // namespace

Status overlay_tree(const fs::path& from, const fs::path& to) {
  LANDED_TRY(std::vector<std::string> files, list_files(from));
  LANDED_TRY_STATUS(make_directories(to));
  UniqueFd root(::open(to.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!root.valid()) return errno_error("open", to.string());
  for (const std::string& relative : files) {
    Status placed = overlay_one(from, root.get(), relative, to);
    if (!placed.ok()) return placed.error().with_context("overlay of " + from.string());
  }
  return ok_status();
}

}  // namespace landed
