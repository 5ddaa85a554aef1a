// The campaign config (TOML): which contenders run, with what limits, how often.
// See README.md "Config" for the format; every key is checked, unknown keys are errors.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/base/error.h"
#include "harness/campaign/route.h"
#include "runners/contender.h"

namespace landed {

struct CampaignConfig {
  std::filesystem::path file;
  std::optional<int> repeats;                 // [run] repeats; the command line wins
  std::optional<int> jobs;                    // [run] jobs
  std::optional<double> max_usd;              // [run] max_usd: the campaign's dollar cap
  std::optional<std::filesystem::path> prices;  // [run] prices: a price file over the defaults
  /// [run] reuse: campaign folders (or history sources) whose unchanged attempts are reused by
  /// default, relative to the config file; --reuse adds to them, --fresh ignores them.
  std::vector<std::filesystem::path> reuse;
  /// [run.providers]: at most this many attempts at once per provider (see derive_provider).
  std::map<std::string, int> provider_limits;
  /// [run] isolation: auto | namespaces | landlock | none (harness/process/isolation.h); unset:
  /// auto. --isolation wins.
  std::optional<std::string> isolation;
  /// [run] network = "none": every agent gets loopback only (a contender's own key wins).
  bool network = true;
  Limits default_limits;                      // [limits], under each contender's own
  std::vector<Contender> contenders;          // one per effort level, in file order
  std::vector<Route> routes;                  // [[route]]: cascades over the contenders
};

Result<CampaignConfig> load_config(const std::filesystem::path& path);
/// Every env_from variable must be set in landed's environment before a run starts.
Status check_secrets_available(const CampaignConfig& config);
/// The config as stored in campaign metadata: no secret values (env_from holds names only).
nlohmann::json config_to_json(const CampaignConfig& config);

}  // namespace landed
