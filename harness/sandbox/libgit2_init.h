// One-time, process-wide libgit2 set-up shared by every sandbox operation.
#pragma once

namespace landed::git {

/// Initialises libgit2 once (thread-safe) and sets the global options the harness relies on:
/// no strict object creation or hash verification (we only read objects we wrote), no fsync,
/// no owner validation, and no global/system/XDG config, so a user's ~/.gitconfig (autocrlf,
/// excludesFile, ...) can never change a checkout or a candidate patch. Cheap after the first call.
void ensure_initialized();

}  // namespace landed::git
