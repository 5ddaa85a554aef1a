// One attempt: one contender on one task, repeat r — from base commit to record.
//   base commit -> agent sandbox -> runner -> candidate patch -> visible check
//   -> verify sandbox (base + patch + tests/ overlay) -> verify command -> Record
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "harness/process/process.h"
#include "harness/sandbox/apply_patch.h"
#include "harness/sandbox/base_cache.h"
#include "harness/sandbox/candidate_patch.h"
#include "harness/sandbox/working_copy.h"
#include "harness/task/task.h"
#include "results/model/record.h"
#include "runners/contender.h"

namespace landed {

struct Route;
class MeterProxy;

/// One step of a route attempt (harness/campaign/route_attempt.h).
struct RouteStepOf {
  std::string route_id;
  int index = 0;              // 0-based
  CandidatePatch start_patch; // carry: applied to the fresh sandbox before the agent starts
};

struct AttemptPlan {
  const Task* task = nullptr;
  const Contender* contender = nullptr;  // for a route attempt: the route's row
  int repeat = 0;
  const Route* route = nullptr;          // set for a route attempt
  const RouteStepOf* step = nullptr;     // set for one step of a route attempt

  /// "<task>/<contender>/r<repeat>": unique in a campaign; a route step appends "/step<i>".
  std::string attempt_id() const;
  /// Identity across campaigns: the attempt id plus what defines the task and the contender.
  std::string attempt_key() const;
};

/// What every attempt of a campaign shares.
struct AttemptContext {
  BaseCache* bases = nullptr;
  ProcessRunner* processes = nullptr;
  std::filesystem::path campaign_dir;   // logs go to campaign_dir/attempts/...
  std::filesystem::path work_root;      // sandboxes are made under it
  std::string campaign_id;
  bool keep_sandboxes = false;
  std::int64_t max_patch_bytes = 64 << 20;
  /// How agent, check and verify processes are isolated (already selected: never kAuto).
  IsolationMode isolation = IsolationMode::kNone;
  /// Dollar cost of usage (null when unpriced): enforces max_usd while the agent runs.
  std::function<Dollars(const Usage&)> price_usage;
  /// Fills cost_usd, price_status and unpriced_models of a finished record.
  std::function<void(Record&)> price_record;
  /// The campaign's metering proxy; null when no contender is metered.
  MeterProxy* meter = nullptr;
  bool keep_traffic = false;              // --keep-traffic: bodies into traffic.jsonl
};

/// Runs the attempt and returns its record. Never throws: every failure becomes an outcome
/// with a reason (infra_error when the harness, sandbox or verifier broke).
Record run_attempt(const AttemptPlan& plan, const AttemptContext& context);

}  // namespace landed
