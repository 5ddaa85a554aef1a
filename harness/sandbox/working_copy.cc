#include "harness/sandbox/working_copy.h"

#include "harness/base/files.h"
#include "harness/sandbox/base_template.h"
#include "harness/sandbox/tree_copy.h"

namespace landed {

namespace fs = std::filesystem;

Result<AgentSandbox> make_agent_sandbox(const BaseCommit& base, const fs::path& work_dir) {
  const AgentSandbox sandbox{work_dir / "sandbox", work_dir / "shadow.git"};
  auto copied = [&]() -> Status {
    LANDED_TRY(const BaseTemplate from, base_template(base));
    LANDED_TRY_STATUS(copy_tree(from.sandbox, sandbox.root));
    return copy_tree(from.shadow_git, sandbox.shadow_git);
  }();
  if (!copied.ok()) return copied.error().with_context("agent sandbox " + work_dir.string());
  return sandbox;
}

bool base_has_folder(const BaseCommit& base, std::string_view relative) {
  auto from = base_template(base);
  std::error_code ec;
  return from.ok() && fs::is_directory(fs::symlink_status(from->sandbox / relative, ec));
}

Status checkout_base(const BaseCommit& base, const fs::path& dir) {
  LANDED_TRY(const BaseTemplate from, base_template(base));
  Status copied = copy_tree(from.sandbox, dir, ".git");
  if (!copied.ok()) return copied.error().with_context("checkout of base " + base.commit_oid);
  return copied;
}

}  // namespace landed
