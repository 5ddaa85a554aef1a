// The record: the outcome of one attempt, one JSON line in a campaign's records file.
// The schema is documented in results/SCHEMA.md; bump kRecordSchema on any change.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "results/model/metered.h"
#include "results/model/outcome.h"
#include "results/model/usage.h"

namespace landed {

inline constexpr int kRecordSchema = 1;

/// LANDED_SCORING_VERSION: the version of everything in landed that decides an attempt's
/// outcome and numbers (the attempt pipeline, sandboxes, verify, limits, usage parsing, the sim
/// agent). A record is reused by a later campaign only when it was made under this same version;
/// bump it whenever a change could make the same agent on the same task score differently.
inline constexpr int kScoringVersion = 1;

/// Where a reused record was first made (`landed run --reuse`).
struct ReusedFrom {
  std::string campaign_id;
  std::string attempt_id;
  bool operator==(const ReusedFrom&) const = default;
};

/// Which contender made the attempt (a row of the scoreboard).
struct ContenderInfo {
  std::string id;                    // e.g. "claude-code/claude-sonnet-4-5@high"
  std::string runner;                // noop, oracle, command, sim, claude-code, codex, ...
  std::optional<std::string> model;
  std::optional<std::string> effort;
  bool simulated = false;            // true for the sim runner: never a real model
  std::string fingerprint;           // digest of everything that defines the contender
  bool operator==(const ContenderInfo&) const = default;
};

/// Seconds spent in each phase; a phase that did not run is null.
struct PhaseTimes {
  std::optional<double> sandbox_s;   // base checkout for the agent + diff + verify sandbox
  std::optional<double> agent_s;
  std::optional<double> check_s;
  std::optional<double> verify_s;
  std::optional<double> setup_s;     // the task's [setup], only on the attempt that ran it
  bool operator==(const PhaseTimes&) const = default;
};

/// One child process as the harness saw it.
struct ProcessInfo {
  std::optional<int> exit_code;      // null when killed by a signal or never started
  std::optional<int> signal;
  bool timed_out = false;
  std::optional<double> cpu_s;       // user + system, children included
  std::optional<std::int64_t> max_rss_kb;
  std::string log_path;              // relative to the campaign folder
  bool operator==(const ProcessInfo&) const = default;
};

struct AgentInfo {
  std::string status;                // done, gave_up, error, timeout, over_budget, infra_error
  ProcessInfo process;               // log_path is the agent's stdout
  std::string stderr_path;
  std::optional<std::string> limit_hit;  // steps, tokens, usd or wall_time
  std::optional<std::string> model_reported;  // the model the tool said it used
  bool operator==(const AgentInfo&) const = default;
};

struct PatchInfo {
  std::string path;                  // relative to the campaign folder; empty if none
  std::optional<std::int64_t> bytes;
  std::optional<std::int64_t> files_changed;
  std::vector<std::string> hidden_test_edits;  // agent edits to tests/ paths, overwritten
  std::vector<std::string> protected_edits;    // agent edits to [verify] protect paths, reset
  /// The agent edited a hidden-test or protected path: flagged in reports whatever the outcome.
  bool tampered() const { return !hidden_test_edits.empty() || !protected_edits.empty(); }
  bool truncated = false;            // over the size cap: patch.diff holds only its start
  bool operator==(const PatchInfo&) const = default;
};

/// One step a route attempt took: a whole attempt of the step's contender in a fresh sandbox.
struct RouteStepInfo {
  ContenderInfo contender;
  Outcome outcome = Outcome::kInfraError;  // the step's own verified outcome (information only)
  std::string reason;
  std::string agent_status;               // as in agent.status
  std::optional<ProcessInfo> check;       // the visible [check] after this step
  std::optional<std::string> escalated_on;  // the trigger that moved on; null for the last step
  Usage usage;
  Dollars cost_usd;
  std::string price_status;
  std::optional<double> wall_time_s;
  std::string log_dir;                    // the step's folder, relative to the campaign folder
  bool operator==(const RouteStepInfo&) const = default;
};

/// Set on a route attempt's record: the cascade and the steps it took.
struct RouteInfo {
  std::vector<std::string> cascade;       // the route's contender ids, in order
  std::vector<std::string> escalate_on;   // the rule's triggers
  bool carry = false;                     // each step started from the previous step's patch
  std::vector<RouteStepInfo> steps;       // the steps taken, in order
  bool operator==(const RouteInfo&) const = default;
};

/// How the attempt's processes were isolated (harness/process/isolation.h): the mode used and
/// what it could not give, e.g. landlock: {"no pid namespace", "network shared"}.
struct IsolationInfo {
  std::string mode;                       // namespaces, landlock, none
  std::vector<std::string> missing;       // empty: full isolation
  bool operator==(const IsolationInfo&) const = default;
};

struct Record {
  int schema = kRecordSchema;
  std::string campaign_id;
  std::string attempt_id;            // "<task>/<contender>/r<repeat>"
  std::string task_id;
  std::string task_digest;
  /// A `[repo]` task's base commit as resolved when the attempt ran (its rev may be a branch
  /// that moves); null for workspace tasks. Reuse matches on it.
  std::optional<std::string> task_base_commit;
  std::optional<std::string> task_difficulty;
  std::vector<std::string> task_tags;
  ContenderInfo contender;
  int repeat = 0;

  Outcome outcome = Outcome::kInfraError;
  std::string reason;                // in words; for a pass, a short confirmation

  Usage usage;
  Dollars cost_usd;                  // computed by landed from tokens x price table
  std::string price_status;          // priced, unpriced, no_usage
  std::vector<std::string> unpriced_models;

  std::optional<double> wall_time_s;
  PhaseTimes timing;
  AgentInfo agent;
  std::optional<ProcessInfo> check;  // the task's visible [check], when it has one
  std::optional<ProcessInfo> verify; // null when verify did not run
  PatchInfo patch;
  int infra_retries = 0;
  std::optional<int> scoring_version;      // kScoringVersion when made; null in older records
  std::optional<ReusedFrom> reused_from;   // set when copied from an earlier campaign
  std::optional<RouteInfo> route;    // route attempts only: usage, cost, time are step sums
  std::optional<IsolationInfo> isolation;  // null in records made before isolation modes

  /// Metering (harness/meter): what the proxy saw on the wire (null when not metered), where
  /// `usage` came from ("metered", "tool", "both"; empty in records made before metering), what
  /// the tool itself reported when `usage` is the metered one, and the token kinds on which the
  /// two differ by more than max(1 token, 1%).
  std::optional<MeteredUsage> metered;
  std::string usage_source;
  std::optional<Usage> tool_usage;
  std::vector<std::string> usage_mismatch;

  std::string started_at;            // ISO 8601, UTC
  std::string finished_at;
  std::string host;

  bool operator==(const Record&) const = default;
};

}  // namespace landed

namespace landed {

/// Identity of an attempt across runs: the same id on the same task content by the same
/// contender definition. A campaign never records one key twice.
std::string attempt_key(std::string_view attempt_id, std::string_view task_digest,
                        std::string_view contender_fingerprint);
inline std::string attempt_key(const Record& r) {
  return attempt_key(r.attempt_id, r.task_digest, r.contender.fingerprint);
}

}  // namespace landed
