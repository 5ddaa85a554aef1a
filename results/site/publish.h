// `landed publish`: writes the static site — HTML pages, their assets and the JSON data files
// (layout in results/site/SCHEMA.md) — into one folder that any static host or file:// serves.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "results/report/reporter.h"
#include "results/site/pages.h"
#include "results/site/site_data.h"

namespace landed::site {

struct PublishOptions {
  std::filesystem::path out;
  std::string title = "Leaderboard";
  TaskPageLimits limits;
  TranscriptReader transcripts;  // each attempt's transcript on its task page; null: none
};

struct PublishStats {
  std::int64_t files = 0;
  std::uintmax_t bytes = 0;
};

/// Writes the site. An existing `out` must be empty or a site landed published before: the
/// files its `.landed-site-manifest` lists are replaced, and any other file makes it refuse,
/// so a typo never wipes an unrelated folder.
Result<PublishStats> publish_site(const SiteData& data, const ReportContext& context,
                                  const PublishOptions& options);

}  // namespace landed::site
