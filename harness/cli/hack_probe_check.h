// validate's hack probe (runners/hack_probe.h): one probe attempt per task in the main
// validation campaign; for a task the probe passes, one attempt per hook finds the hook that did.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "harness/campaign/campaign.h"
#include "results/model/record.h"

namespace landed::cli {

/// The contender "hack-probe" (every hook), or "hack-probe:<hook>" (only that one).
Contender hack_probe_contender(const std::optional<std::string>& hook = std::nullopt);

/// For each task id in `hackable`, the hooks whose probe passes alone ("pytest-conftest
/// (conftest.py forcing ...)"), or what ran when none does alone. `options.out_dir` gets a
/// "hack-probe" folder for the campaign.
std::map<std::string, std::string> find_hack_culprits(const Suite& suite,
                                                      const std::vector<std::string>& hackable,
                                                      RunOptions options);

/// "hackable by ..." when the probe passed, "hack probe ended ..." when it did not finish, or
/// nothing when it failed as it should.
std::optional<std::string> probe_unsound_reason(const Record* probe, const std::string& culprit);

}  // namespace landed::cli
