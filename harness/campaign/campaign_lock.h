// Who may write into a campaign folder. A folder is landed's when it holds the marker
// `.landed-campaign` (or a campaign.json: campaigns from before the marker, merged campaigns);
// `run` refuses a non-empty folder that is not, so it never deletes a user's files there.
// While a run, resume or merge writes into a campaign, it holds an exclusive flock on
// `.landed.lock`: a second writer is refused, naming the pid that holds it.
#pragma once

#include <filesystem>

#include "harness/base/error.h"
#include "harness/base/unique_fd.h"

namespace landed {

inline constexpr const char* kCampaignMarker = ".landed-campaign";
inline constexpr const char* kCampaignLockFile = ".landed.lock";

/// Ok when `dir` is absent, empty or a landed campaign; else an Error naming one foreign file.
Status check_campaign_folder(const std::filesystem::path& dir);

/// The lock on one campaign folder, released when it goes away (or the process ends).
class CampaignLock {
 public:
  /// Creates `dir` if needed, locks it and writes the marker. Fails if another process holds it.
  static Result<CampaignLock> acquire(const std::filesystem::path& dir);

 private:
  explicit CampaignLock(UniqueFd fd) : fd_(std::move(fd)) {}
  UniqueFd fd_;
};

}  // namespace landed
