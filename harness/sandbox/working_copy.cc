#include "harness/sandbox/working_copy.h"

#include <git2/sys/repository.h>

#include "harness/base/files.h"
#include "harness/sandbox/cache_repo.h"
#include "harness/sandbox/checkout_repo.h"
#include "harness/sandbox/libgit2_init.h"

namespace landed {

namespace fs = std::filesystem;
using namespace sandbox_detail;

namespace {

constexpr const char* kAgentName = "landed agent";
constexpr const char* kAgentEmail = "agent@landed.invalid";

Status point_main_at_base(git_repository* repo, const BaseCommit& base) {
  LANDED_TRY(const git_oid commit, git::parse_oid(base.commit_oid, "base commit"));
  git_reference* raw = nullptr;
  LANDED_TRY_STATUS(git::check(
      git_reference_create(&raw, repo, "refs/heads/main", &commit, 1, "landed: base commit"),
      "git_reference_create", "refs/heads/main"));
  git::Reference ref(raw);
  return ok_status();
}

Status set_agent_identity(git_repository* repo) {
  git_config* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_repository_config(&raw, repo), "git_repository_config"));
  git::Config config(raw);
  LANDED_TRY_STATUS(git::check(git_config_set_string(config.get(), "user.name", kAgentName),
                               "git_config_set_string", "user.name"));
  return git::check(git_config_set_string(config.get(), "user.email", kAgentEmail),
                    "git_config_set_string", "user.email");
}

// The agent's ordinary .git: a copy of the shadow's index (same files, same stat data) makes
// `git status` clean without hashing a single file.
Status init_agent_git(const fs::path& root, const fs::path& shadow_git, const BaseCommit& base) {
  git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  options.flags = GIT_REPOSITORY_INIT_MKPATH;
  options.initial_head = "main";
  git_repository* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_repository_init_ext(&raw, root.c_str(), &options),
                               "git_repository_init_ext", root.string()));
  git::Repository repo(raw);
  const fs::path gitdir = root / ".git";
  LANDED_TRY_STATUS(borrow_objects(gitdir, base));
  LANDED_TRY_STATUS(set_agent_identity(repo.get()));
  LANDED_TRY_STATUS(point_main_at_base(repo.get(), base));
  std::error_code ec;
  fs::copy_file(shadow_git / "index", gitdir / "index", fs::copy_options::overwrite_existing, ec);
  if (ec) return make_error("copy({}) failed: {}", (shadow_git / "index").string(), ec.message());
  return ok_status();
}

Status make_shadow_checkout(const AgentSandbox& sandbox, const BaseCommit& base) {
  LANDED_TRY(git::Repository shadow, init_borrowing_repo(sandbox.shadow_git, base));
  LANDED_TRY_STATUS(git::check(git_repository_set_workdir(shadow.get(), sandbox.root.c_str(), 0),
                               "git_repository_set_workdir", sandbox.root.string()));
  LANDED_TRY_STATUS(checkout_base_tree(shadow.get(), base, /*write_index=*/true));
  return point_main_at_base(shadow.get(), base);
}

}  // namespace

Result<AgentSandbox> make_agent_sandbox(const BaseCommit& base, const fs::path& work_dir) {
  git::ensure_initialized();
  const AgentSandbox sandbox{work_dir / "sandbox", work_dir / "shadow.git"};
  LANDED_TRY_STATUS(make_directories(sandbox.root));
  Status made = make_shadow_checkout(sandbox, base);
  if (made.ok()) made = init_agent_git(sandbox.root, sandbox.shadow_git, base);
  if (!made.ok()) return made.error().with_context("agent sandbox " + work_dir.string());
  return sandbox;
}

Status checkout_base(const BaseCommit& base, const fs::path& dir) {
  git::ensure_initialized();
  LANDED_TRY_STATUS(make_directories(dir));
  LANDED_TRY(git::Repository repo, open_with_workdir(base.repo_dir, dir));
  // An in-memory index: nothing is written into the shared cache repository.
  git_index* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_index_new(&raw), "git_index_new"));
  git::Index index(raw);
  LANDED_TRY_STATUS(git::check(git_repository_set_index(repo.get(), index.get()),
                               "git_repository_set_index"));
  Status done = checkout_base_tree(repo.get(), base, /*write_index=*/false);
  if (!done.ok()) return done.error().with_context("checkout of base " + base.commit_oid);
  return done;
}

}  // namespace landed
