// Which isolation modes work on this machine, and the choice of one for a campaign. The probe
// runs once per landed process; selection is a pure function so it is tested with fakes.
#pragma once

#include <string>

#include "harness/base/error.h"
#include "harness/process/isolation.h"

namespace landed {

/// Why each strong mode cannot be used here; empty: it works.
struct IsolationAvailability {
  std::string namespaces_problem;
  std::string landlock_problem;
};

/// Tries bubblewrap for real (a user + PID + mount namespace around `true`) and asks the kernel
/// for its Landlock ABI. Cached: the first call does the work.
const IsolationAvailability& probe_isolation();

/// kAuto: the strongest mode that works (namespaces, landlock, else none). An explicit mode that
/// does not work is an Error with the reason and the fix (the package, the sysctl).
Result<IsolationMode> select_isolation(IsolationMode requested,
                                       const IsolationAvailability& available);

}  // namespace landed
