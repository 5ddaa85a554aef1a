#include "harness/sandbox/libgit2_init.h"

#include <git2.h>

#include <initializer_list>

namespace landed::git {

namespace {

// The options are process-global in libgit2, so they are set exactly once, before any repository
// is opened, and never changed afterwards: concurrent attempts only ever read them.
void set_global_options() {
  git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
  git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
  git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 0);
  git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
  for (int level : {GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL,
                    GIT_CONFIG_LEVEL_PROGRAMDATA}) {
    git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, "");
  }
}

struct Initialized {
  Initialized() {
    git_libgit2_init();
    set_global_options();
  }
  // No git_libgit2_shutdown: other threads may still hold handles while statics are destroyed.
};

}  // namespace

void ensure_initialized() { static const Initialized once; }

}  // namespace landed::git
