#include "harness/sandbox/setup_layer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <map>
#include <mutex>

#include <nlohmann/json.hpp>

#include "harness/base/clock.h"
#include "harness/base/files.h"
#include "harness/base/sha256.h"
#include "harness/base/unique_fd.h"
#include "harness/sandbox/cache_repo.h"
#include "harness/sandbox/libgit2_init.h"
#include "harness/sandbox/pack_objects.h"
#include "harness/sandbox/workspace_commit.h"
#include "harness/sandbox/working_copy.h"

namespace landed {

namespace fs = std::filesystem;
using namespace sandbox_detail;

namespace {

/// An exclusive flock held for the owner's lifetime: one builder of a layer at a time, across
/// threads (each opens its own descriptor) and processes.
class LayerLock {
 public:
  static Result<LayerLock> acquire(const fs::path& path) {
    UniqueFd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
    if (!fd.valid()) return errno_error("open", path.string());
    if (::flock(fd.get(), LOCK_EX) != 0) return errno_error("flock", path.string());
    return LayerLock(std::move(fd));
  }

 private:
  explicit LayerLock(UniqueFd fd) : fd_(std::move(fd)) {}
  UniqueFd fd_;  // closing it releases the lock
};

Result<SetupLayer> open_layer(const fs::path& dir) {
  SetupLayer layer;
  LANDED_TRY(layer.base, resolve_base(dir, "refs/heads/main"));
  layer.log = dir / "setup.log";
  auto meta = read_file(dir / "setup.json");
  if (meta.ok()) {
    auto json = nlohmann::json::parse(*meta, nullptr, /*allow_exceptions=*/false);
    if (json.is_object() && json.contains("setup_s") && json["setup_s"].is_number())
      layer.setup_s = json["setup_s"].get<double>();
  }
  return layer;
}

/// The base checked out, set up, and committed into a new bare repository at `building/repo`.
Result<double> build_layer(const BaseCommit& base, const SetupStep& step, const fs::path& building) {
  const fs::path tree = building / "tree";
  LANDED_TRY_STATUS(checkout_base(base, tree));
  Stopwatch clock;
  LANDED_TRY_STATUS(step.run(tree));
  const double seconds = clock.seconds();
  const fs::path repo_dir = building / "repo";
  LANDED_TRY(git::Repository repo, init_bare(repo_dir));
  LANDED_TRY(const git_oid commit, commit_workspace(repo.get(), tree));
  LANDED_TRY_STATUS(pack_loose_objects(repo.get(), commit, repo_dir));
  LANDED_TRY(std::string log, read_file(step.log));
  LANDED_TRY_STATUS(write_file(repo_dir / "setup.log", log));
  LANDED_TRY_STATUS(write_file(repo_dir / "setup.json",
                               nlohmann::json{{"setup_s", seconds}}.dump() + "\n"));
  return seconds;
}

/// Failed setups of this process by layer key, with their logs: N attempts of a task whose setup
/// fails run it once, and each still gets the log.
struct FailedSetups {
  std::mutex mutex;
  std::map<std::string, std::pair<Error, std::string>> by_key;
};

FailedSetups& failed_setups() {
  static FailedSetups failed;
  return failed;
}

std::optional<Error> replay_failure(const std::string& key, const SetupStep& step) {
  std::lock_guard guard(failed_setups().mutex);
  auto found = failed_setups().by_key.find(key);
  if (found == failed_setups().by_key.end()) return std::nullopt;
  (void)write_file(step.log, found->second.second);
  return found->second.first;
}

Error remember_failure(const std::string& key, const SetupStep& step, Error error) {
  Result<std::string> read = read_file(step.log);
  std::string log = read.ok() ? *read : std::string();
  std::lock_guard guard(failed_setups().mutex);
  failed_setups().by_key.emplace(key, std::make_pair(error, std::move(log)));
  return error;
}

}  // namespace

Result<SetupLayer> setup_layer(const BaseCommit& base, const SetupStep& step) {
  git::ensure_initialized();
  const fs::path root = fs::absolute(base.repo_dir).parent_path();
  const std::string key = sha256_hex(base.commit_oid + '\n' + step.key).substr(0, 32);
  const fs::path final_dir = root / ("setup-" + key + ".git");
  // Published whole (rename) or not at all, so existing means finished.
  if (fs::is_directory(final_dir)) return open_layer(final_dir);
  LANDED_TRY(LayerLock lock, LayerLock::acquire(root / ("setup-" + key + ".lock")));
  if (fs::is_directory(final_dir)) return open_layer(final_dir);
  if (std::optional<Error> failed = replay_failure(key, step)) return *failed;
  LANDED_TRY(TempDir building, TempDir::create(root, ".setup-"));
  Result<double> seconds = build_layer(base, step, building.path());
  if (!seconds.ok()) return remember_failure(key, step, seconds.error());
  LANDED_TRY_STATUS(publish(building.path() / "repo", final_dir));
  LANDED_TRY(SetupLayer layer, open_layer(final_dir));
  layer.built_now = true;
  layer.setup_s = *seconds;
  return layer;
}

}  // namespace landed
