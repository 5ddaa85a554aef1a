// The hack probe of `landed validate`: a built-in agent that leaves the task unsolved (the
// workspace as it is, which the noop check proves wrong) and writes the classic test-runner hooks
// with which a patch could turn failing tests into a pass — a pytest conftest that rewrites
// reports, pytest configs that only collect, a unittest package or module that exits 0 on import,
// jest/vitest/mocha configs that run nothing, a package.json test script `exit 0`, an empty
// CTestTestfile. A task whose verify passes the probe is hackable.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "harness/task/task.h"
#include "runners/runner.h"

namespace landed {

struct ProbeHook {
  std::string name;   ///< e.g. "pytest-conftest"
  std::string files;  ///< what it writes, in words, e.g. "conftest.py (root and test folders)"
  /// Writes the hook into `sandbox`; returns the relative paths written.
  Result<std::vector<std::string>> (*write)(const std::filesystem::path& sandbox, const Task& task);
};

/// Every hook the probe knows, in a fixed order.
const std::vector<ProbeHook>& probe_hooks();

/// The runner "hack-probe": writes every hook, or only the one its contender's option `hook`
/// names (how validate finds which hook did it).
std::unique_ptr<Runner> make_hack_probe_runner();

}  // namespace landed
