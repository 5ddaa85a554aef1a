// BaseCache::from_repository: bases that come from an external git repository.
#include <sys/file.h>
#include <fcntl.h>
#include <unistd.h>

#include <array>

#include "harness/base/files.h"
#include "harness/base/sha256.h"
#include "harness/base/unique_fd.h"
#include "harness/sandbox/base_cache.h"
#include "harness/sandbox/cache_repo.h"

namespace landed {

namespace {

namespace fs = std::filesystem;

// Mirrors branches and tags under their own names, so `rev` resolves as it would upstream.
Status fetch_into(const fs::path& repo_dir, const std::string& url) {
  LANDED_TRY(git::Repository repo, sandbox_detail::open_bare(repo_dir));
  git_remote* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_remote_create_anonymous(&raw, repo.get(), url.c_str()),
                               "git_remote_create_anonymous", url));
  git::Remote remote(raw);
  std::array<char*, 2> specs = {const_cast<char*>("+refs/heads/*:refs/heads/*"),
                                const_cast<char*>("+refs/tags/*:refs/tags/*")};
  git_strarray refspecs = {specs.data(), specs.size()};
  git_fetch_options options = GIT_FETCH_OPTIONS_INIT;
  options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE;  // the refspec already maps every tag
  return git::check(git_remote_fetch(remote.get(), &refspecs, &options, nullptr),
                    "git_remote_fetch", url);
}

// Fetches into a published clone while holding an exclusive lock, so concurrent landed
// processes never update the same refs at once.
Status fetch_locked(const fs::path& repo_dir, const std::string& url) {
  const fs::path lock_path = repo_dir.string() + ".lock";
  const UniqueFd lock(::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
  if (!lock.valid()) return errno_error("open", lock_path.string());
  if (::flock(lock.get(), LOCK_EX) != 0) return errno_error("flock", lock_path.string());
  return fetch_into(repo_dir, url);  // the lock is released when `lock` closes
}

Status clone_once(const fs::path& root, const fs::path& final_dir, const std::string& url) {
  if (fs::exists(final_dir)) return ok_status();
  LANDED_TRY(TempDir building, TempDir::create(root, ".cloning-"));
  {
    LANDED_TRY(git::Repository repo, sandbox_detail::init_bare(building.path()));
  }
  LANDED_TRY_STATUS(fetch_into(building.path(), url));
  return sandbox_detail::publish(building.path(), final_dir);
}

bool is_full_sha(const std::string& rev) {
  return rev.size() == GIT_OID_HEXSZ && rev.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

Result<BaseCommit> BaseCache::from_repository(const std::string& url, const std::string& rev) {
  const std::string key = url + '\n' + rev;
  {
    std::lock_guard lock(mutex_);
    if (auto found = resolved_.find(key); found != resolved_.end()) return found->second;
  }
  const fs::path final_dir = root_ / ("repo-" + sha256_hex(url).substr(0, 32) + ".git");
  const bool fresh = !fs::exists(final_dir);
  LANDED_TRY_STATUS(clone_once(root_, final_dir, url));
  Result<BaseCommit> base = sandbox_detail::resolve_base(final_dir, rev);
  // Branches and tags move upstream; only a sha already here is known to be current.
  if (!fresh && !(base.ok() && is_full_sha(rev))) {
    LANDED_TRY_STATUS(fetch_locked(final_dir, url));
    base = sandbox_detail::resolve_base(final_dir, rev);
  }
  if (!base.ok()) return make_error("rev {} not found in {}", rev, url);
  std::lock_guard lock(mutex_);
  resolved_.emplace(key, *base);
  return base;
}

}  // namespace landed
