// Content digests of task folders: the key under which base commits are cached and attempts
// are reused, so it must change with any file and stay the same wherever the folder lives.
#pragma once

#include <filesystem>
#include <string>

#include "harness/base/error.h"

namespace landed {

/// SHA-256 (hex) over every file under `root`, in sorted relative-path order: for each, its
/// relative path, its kind (regular, executable, symlink) and its contents or link target.
/// Independent of where `root` is. Directories count only through their files (an empty one
/// adds nothing); `.git` folders are skipped. Contents are streamed, so size costs no memory.
/// A fifo, socket or device file is an error.
Result<std::string> task_tree_digest(const std::filesystem::path& root);

}  // namespace landed
