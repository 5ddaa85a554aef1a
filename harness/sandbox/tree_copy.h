// A fast in-process copy of a folder tree: regular files through copy_file_range (the kernel
// copies, reflinks where the file system can), executable bits and symlinks kept. It does less
// than `cp -a` on purpose: owners, timestamps, ACLs and xattrs of a sandbox do not matter.
#pragma once

#include <filesystem>
#include <string>

#include "harness/base/error.h"

namespace landed {

/// Copies the contents of `from` into `to` (created). A top-level entry named `skip_top_level`
/// (e.g. ".git") is left out when given. Fails on anything that is not a file, folder or symlink.
Status copy_tree(const std::filesystem::path& from, const std::filesystem::path& to,
                 const std::string& skip_top_level = "");

}  // namespace landed
