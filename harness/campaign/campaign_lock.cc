#include "harness/campaign/campaign_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "harness/base/files.h"

namespace landed {
namespace {

namespace fs = std::filesystem;

bool is_landed_campaign(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(fs::symlink_status(dir / kCampaignMarker, ec)) ||
         fs::is_regular_file(fs::symlink_status(dir / "campaign.json", ec));
}

/// The pid written into the lock file by its holder, or "unknown".
std::string holder_pid(int fd) {
  char buffer[32] = {};
  const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
  std::string pid = n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : "";
  while (!pid.empty() && (pid.back() == '\n' || pid.back() == ' ')) pid.pop_back();
  return pid.empty() ? "unknown" : pid;
}

Status write_pid(int fd) {
  const std::string pid = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0) return errno_error("ftruncate", kCampaignLockFile);
  if (::pwrite(fd, pid.data(), pid.size(), 0) != static_cast<ssize_t>(pid.size()))
    return errno_error("write", kCampaignLockFile);
  return ok_status();
}

}  // namespace

Status check_campaign_folder(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(dir, ec))) return ok_status();
  if (!fs::is_directory(dir, ec))
    return make_error("--out {}: exists and is not a folder", dir.string());
  if (is_landed_campaign(dir)) return ok_status();
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name == kCampaignLockFile) continue;
    return make_error("--out {}: holds files that are not a landed campaign (e.g. {}); landed "
                      "writes and deletes only in its own folders: choose an empty or new --out",
                      dir.string(), name);
  }
  if (ec) return make_error("cannot list {}: {}", dir.string(), ec.message());
  return ok_status();
}

Result<CampaignLock> CampaignLock::acquire(const fs::path& dir) {
  LANDED_TRY_STATUS(make_directories(dir));
  const fs::path path = dir / kCampaignLockFile;
  UniqueFd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644));
  if (!fd.valid()) return errno_error("open", path.string());
  if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) return errno_error("flock", path.string());
    return make_error("{} is in use: another landed (pid {}) is writing into it; wait for it to "
                      "finish or choose another --out", dir.string(), holder_pid(fd.get()));
  }
  LANDED_TRY_STATUS(write_pid(fd.get()));
  if (!is_landed_campaign(dir)) LANDED_TRY_STATUS(write_file(dir / kCampaignMarker, "landed campaign\n"));
  return CampaignLock(std::move(fd));
}

}  // namespace landed
