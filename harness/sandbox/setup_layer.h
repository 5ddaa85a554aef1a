// The setup layer: a task's `[setup] command` run once per base commit in a copy of the base,
// and its result (the base's files plus whatever setup made: node_modules/, build/, .venv/ ...)
// stored as one more cached base commit. Every agent and verify sandbox then starts from that
// commit, so setup outputs are in the sandbox's baseline (never in the candidate patch) and in
// the verify sandbox, and the second campaign on the same suite runs setup zero times.
//
// The layer lives next to the base under the base cache as `setup-<key>.git`, where the key
// covers the base commit, the setup command and the environment. It is built in a temp folder
// and renamed into place (like base_template.h) under a lock, so N concurrent attempts run the
// setup once, not N times. The layer keeps the setup's log (`setup.log`) and time (`setup.json`).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "harness/base/error.h"
#include "harness/sandbox/base_cache.h"

namespace landed {

struct SetupStep {
  std::string key;             ///< what else defines the result: command + environment
  std::filesystem::path log;   ///< where `run` writes the output (kept there on failure)
  /// Runs the setup in `tree` (a checkout of the base); an Error when it failed or could not
  /// start ("setup failed (exit status 2)").
  std::function<Status(const std::filesystem::path& tree)> run;
};

struct SetupLayer {
  BaseCommit base;                 ///< the base with the setup's outputs: sandboxes start here
  std::filesystem::path log;       ///< the layer's copy of the setup log
  double setup_s = 0;              ///< how long the setup ran (when it was built)
  bool built_now = false;          ///< this call ran the setup (false: reused from the cache)
};

/// The setup layer of `base`, built on first use. A failed setup publishes nothing: the next
/// call runs it again.
Result<SetupLayer> setup_layer(const BaseCommit& base, const SetupStep& step);

}  // namespace landed
