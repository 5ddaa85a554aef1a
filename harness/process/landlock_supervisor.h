// The landlock helper's parent half: it waits for the program, and when the program ends (or
// landed stops it) kills every descendant, which a subreaper sees as its own children even
// after they left the session, double-forked or cleared their environment.
#pragma once

#include <signal.h>
#include <sys/types.h>

namespace landed {

/// The signals the supervisor waits for (blocked before the fork).
void supervised_signals(sigset_t& set);

/// Waits for `child`; forwards SIGTERM/SIGINT/SIGHUP to every descendant and kills them all one
/// second later; once `child` ended, kills what is left and reaps it. Returns `child`'s exit
/// status, or re-raises the signal that killed it (never returns then).
int supervise_descendants(pid_t child);

}  // namespace landed
