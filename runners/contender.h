// A contender: one row of the scoreboard — a runner with a model and an effort level,
// the limits of each attempt, and the extra environment and arguments of its tool.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "results/model/record.h"

namespace landed {

/// Per-attempt limits, enforced while the agent runs. Null: no limit.
struct Limits {
  std::optional<double> wall_time_s;
  std::optional<std::int64_t> max_steps;
  std::optional<std::int64_t> max_tokens;  // input + cache read + cache write + output
  std::optional<double> max_usd;
  bool operator==(const Limits&) const = default;
};

struct Contender {
  std::string id;                                // unique in a campaign, e.g. "sim/sim-frontier@high"
  std::string runner;                            // a name known to runners/registry.h
  std::optional<std::string> model;
  std::optional<std::string> effort;
  std::vector<std::string> command;              // the "command" runner's program and arguments
  std::vector<std::string> args;                 // extra command-line arguments for the tool
  std::map<std::string, std::string> env;        // extra environment, literal values
  /// Extra environment whose values come from landed's own environment, by name, at run time:
  /// secrets live here and are never written to records, metadata or logs.
  std::map<std::string, std::string> env_from;
  std::map<std::string, std::string> options;    // runner-specific settings (e.g. sim rates)
  Limits limits;
  /// `network = "none"` (here or in [run]): the agent gets loopback only (isolation namespaces).
  /// Not in the fingerprint: it changes what the agent may reach, not what it is.
  bool network = true;
  /// The agent tool's version where known (see runners/tool_version.h): part of the
  /// fingerprint, so a new tool build never reuses an old result.
  std::optional<std::string> tool_version;
  /// The API provider its attempts load (for [run.providers] limits); not in the fingerprint.
  std::string provider;
  /// `meter`: calls go through landed's metering proxy (null: the runner's default, see
  /// runners/metering.h); not in the fingerprint, it changes what is measured, not what runs.
  std::optional<bool> meter;
  /// `upstream`: the base URL the proxy forwards to, in place of the tool's own or the
  /// provider's default. In the fingerprint when set.
  std::optional<std::string> upstream;
  std::string fingerprint;                       // sha256 of all of the above but secret values

  ContenderInfo info(bool simulated) const;
};

/// The default id: "runner", "runner/model", "runner/model@effort".
std::string default_contender_id(const std::string& runner, const std::optional<std::string>& model,
                                 const std::optional<std::string>& effort);
/// Digest of everything that defines what the contender does (secret values excluded).
std::string contender_fingerprint(const Contender& contender);
/// A built-in runner with no model or options (noop, oracle, hack-probe), its id the runner's.
Contender builtin_contender(const std::string& runner);

}  // namespace landed
