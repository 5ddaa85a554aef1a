// The plain table `landed run` prints when it ends: per contender, attempts, outcomes, pass
// rate (infra errors excluded) and dollars; then where the campaign's files are.
#pragma once

#include <filesystem>
#include <ostream>

#include "harness/campaign/campaign.h"

namespace landed::cli {

void print_run_summary(std::ostream& out, const CampaignResult& result,
                       const std::filesystem::path& out_dir);

}  // namespace landed::cli
