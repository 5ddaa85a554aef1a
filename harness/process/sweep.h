// Clean-up after a child ended: kill what is left of its process group and every process that
// still carries the run's sweep token, and reap those that were re-parented to us.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace landed {

/// "LANDED_ATTEMPT_TOKEN=<token>", the environment entry that marks one run's processes.
std::string sweep_token_entry(std::string_view token);

/// Kills every process carrying `token` and reaps every zombie left by the run (members of group
/// `pgid`, killed token carriers, any orphan re-parented to us from another session), round after
/// round until none remain or `budget` is spent. Call after the group leader `pgid` was killed
/// with the rest of its group and reaped. No signal goes to the group any more (its number is
/// only pinned while members remain): what is left of it is seen in /proc.
void sweep_leftovers(pid_t pgid, std::string_view token, std::chrono::milliseconds budget);

}  // namespace landed
