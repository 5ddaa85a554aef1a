// Owners for libgit2 objects and the one way libgit2 failures become Errors.
// Every libgit2 handle the sandbox code touches lives in one of these, so no path leaks.
#pragma once

#include <memory>
#include <string_view>

#include <git2.h>

#include "harness/base/error.h"

namespace landed::git {

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* object) const { Free(object); }
};

template <class T, void (*Free)(T*)>
using Owner = std::unique_ptr<T, Deleter<T, Free>>;

using Repository = Owner<git_repository, git_repository_free>;
using Index = Owner<git_index, git_index_free>;
using Tree = Owner<git_tree, git_tree_free>;
using Commit = Owner<git_commit, git_commit_free>;
using Object = Owner<git_object, git_object_free>;
using Reference = Owner<git_reference, git_reference_free>;
using Signature = Owner<git_signature, git_signature_free>;
using TreeBuilder = Owner<git_treebuilder, git_treebuilder_free>;
using Diff = Owner<git_diff, git_diff_free>;
using Config = Owner<git_config, git_config_free>;
using Remote = Owner<git_remote, git_remote_free>;
using PackBuilder = Owner<git_packbuilder, git_packbuilder_free>;

/// A git_buf that is disposed of when it goes out of scope.
class Buffer {
 public:
  Buffer() = default;
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  ~Buffer() { git_buf_dispose(&buf_); }

  git_buf* get() { return &buf_; }
  std::string_view view() const { return {buf_.ptr ? buf_.ptr : "", buf_.size}; }

 private:
  git_buf buf_ = GIT_BUF_INIT;
};

/// "git_checkout_tree(/tmp/x) failed: <git_error_last()->message>".
Error error(std::string_view call, std::string_view subject = {});

/// Ok when `rc` >= 0, otherwise error(call, subject).
Status check(int rc, std::string_view call, std::string_view subject = {});

/// The 40-hex form of `oid`.
std::string oid_hex(const git_oid& oid);

/// Parses a 40-hex object id; an Error names `what` when it is malformed.
Result<git_oid> parse_oid(const std::string& hex, std::string_view what);

}  // namespace landed::git
