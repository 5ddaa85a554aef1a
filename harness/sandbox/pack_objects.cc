#include "harness/sandbox/pack_objects.h"

#include "harness/base/files.h"
#include "harness/sandbox/git_handles.h"

namespace landed::sandbox_detail {

namespace fs = std::filesystem;

namespace {

// Loose objects live in objects/<2 hex>/; pack/ and info/ stay.
Status remove_loose_objects(const fs::path& objects) {
  std::error_code ec;
  for (fs::directory_iterator it(objects, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() == 2 && name.find_first_not_of("0123456789abcdef") == std::string::npos)
      LANDED_TRY_STATUS(remove_tree(it->path()));
  }
  if (ec) return make_error("list({}) failed: {}", objects.string(), ec.message());
  return ok_status();
}

}  // namespace

Status pack_loose_objects(git_repository* repo, const git_oid& commit, const fs::path& repo_dir) {
  git_packbuilder* raw = nullptr;
  LANDED_TRY_STATUS(git::check(git_packbuilder_new(&raw, repo), "git_packbuilder_new"));
  git::PackBuilder builder(raw);
  git_packbuilder_set_threads(builder.get(), 0);
  LANDED_TRY_STATUS(git::check(git_packbuilder_insert_commit(builder.get(), &commit),
                               "git_packbuilder_insert_commit", repo_dir.string()));
  LANDED_TRY_STATUS(git::check(git_packbuilder_write(builder.get(), nullptr, 0, nullptr, nullptr),
                               "git_packbuilder_write", repo_dir.string()));
  return remove_loose_objects(repo_dir / "objects");
}

}  // namespace landed::sandbox_detail
