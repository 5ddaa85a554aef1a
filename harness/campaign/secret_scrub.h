// Secrets (env_from values) are scrubbed from everything an attempt leaves behind before any
// of it is appended, ingested or published: every string of the record that came from the
// agent or its sandbox, and every file in the attempt's folder (logs, patch.diff).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/base/error.h"
#include "harness/campaign/config.h"
#include "results/model/record.h"

namespace landed {

/// The values of every contender's env_from variables that are set.
std::vector<std::string> campaign_secrets(const CampaignConfig& config);

/// Refuses env_from values shorter than kMinSecretLength, naming the contender and variable.
Status check_secret_lengths(const CampaignConfig& config);

/// Scrubs the record's agent-supplied strings: reason, the reported model, the models in
/// usage, unpriced models, hidden-test paths, and the same in route steps.
void scrub_record(Record& record, const std::vector<std::string>& secrets);

/// Rewrites every regular file under `dir` with its secrets redacted (links are not followed).
void scrub_folder(const std::filesystem::path& dir, const std::vector<std::string>& secrets);

}  // namespace landed
