// `landed run --progress auto|bar|plain|none`: the command line's CampaignObserver. A bar
// redrawn in place on a terminal; plain lines for CI logs (one each 10% of the attempts and
// at least every 30 s), each with done/total, passes so far and dollars so far.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "harness/campaign/campaign_observer.h"

namespace landed::cli {

/// What every progress display counts.
struct ProgressTally {
  std::size_t total = 0, done = 0, passed = 0, failed = 0, errors = 0, infra = 0;
  double usd = 0;          // over priced attempts
  std::size_t unpriced = 0;  // attempts whose cost is unknown
  void add(const Record& record);
};

/// "[12/40] 30% pass 8 fail 3 error 1 · $1.23 · 2m05s elapsed".
std::string plain_progress_line(const ProgressTally& tally, double elapsed_s);

/// The modes `--progress` accepts.
const std::vector<std::string>& progress_modes();
/// The observer for `mode` (auto: bar when stderr is a terminal, else plain); null for none.
/// `heartbeat` is how often plain mode prints even when no attempt finished.
std::unique_ptr<CampaignObserver> make_progress(const std::string& mode,
                                                std::chrono::seconds heartbeat = std::chrono::seconds(30));

}  // namespace landed::cli
