#include "harness/sandbox/base_template.h"

#include <git2/sys/repository.h>

#include "harness/base/files.h"
#include "harness/sandbox/agent_git.h"
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

// The agent's ordinary .git: its own pack of the base (agent_git.h); a copy of the shadow's index
// makes `git status` clean.
Status init_agent_git(const fs::path& root, const fs::path& shadow_git, const BaseCommit& base) {
  git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
  options.flags = GIT_REPOSITORY_INIT_MKPATH;
  options.initial_head = "main";
  git_repository* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_repository_init_ext(&raw, root.c_str(), &options),
                               "git_repository_init_ext", root.string()));
  git::Repository repo(raw);
  const fs::path gitdir = root / ".git";
  LANDED_TRY_STATUS(write_agent_objects(repo.get(), gitdir, base));
  LANDED_TRY_STATUS(set_agent_identity(repo.get()));
  std::error_code ec;
  fs::copy_file(shadow_git / "index", gitdir / "index", fs::copy_options::overwrite_existing, ec);
  if (ec) return make_error("copy({}) failed: {}", (shadow_git / "index").string(), ec.message());
  return ok_status();
}

Status make_shadow_checkout(const BaseTemplate& made, const BaseCommit& base) {
  LANDED_TRY(git::Repository shadow, init_borrowing_repo(made.shadow_git, base));
  LANDED_TRY_STATUS(git::check(git_repository_set_workdir(shadow.get(), made.sandbox.c_str(), 0),
                               "git_repository_set_workdir", made.sandbox.string()));
  LANDED_TRY_STATUS(checkout_base_tree(shadow.get(), base, /*write_index=*/true));
  return point_main_at_base(shadow.get(), base);
}

BaseTemplate layout(const fs::path& dir) { return {dir / "sandbox", dir / "shadow.git"}; }

Status build_template(const BaseCommit& base, const fs::path& dir) {
  const BaseTemplate made = layout(dir);
  LANDED_TRY_STATUS(make_directories(made.sandbox));
  LANDED_TRY_STATUS(make_shadow_checkout(made, base));
  return init_agent_git(made.sandbox, made.shadow_git, base);
}

}  // namespace

Result<BaseTemplate> base_template(const BaseCommit& base) {
  git::ensure_initialized();
  const fs::path repo = fs::absolute(base.repo_dir);
  const fs::path final_dir =
      repo.parent_path() / (repo.filename().string() + "." + base.commit_oid +
                            (base.agent_history ? ".history" : "") + ".template");
  // The folder appears whole (rename) or not at all, so existing means finished.
  if (fs::is_directory(final_dir / "shadow.git")) return layout(final_dir);
  LANDED_TRY(TempDir building, TempDir::create(repo.parent_path(), ".template-"));
  Status built = build_template(base, building.path());
  if (built.ok()) built = publish(building.path(), final_dir);
  if (!built.ok()) return built.error().with_context("template of base " + base.commit_oid);
  return layout(final_dir);
}

}  // namespace landed
