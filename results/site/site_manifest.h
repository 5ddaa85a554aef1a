// The list of files `landed publish` wrote into a site folder (`.landed-site-manifest`, one
// relative path a line). The next publish deletes exactly those files and refuses a folder
// that holds anything else, so a user's own files are never removed.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "harness/base/error.h"

namespace landed::site {

inline constexpr const char* kSiteManifest = ".landed-site-manifest";

/// Makes `out` ready for a new site: absent or empty is fine; a folder with a manifest loses
/// the files the manifest lists (and the folders they leave empty); any other file refuses.
Status clear_published_site(const std::filesystem::path& out);

/// Writes the manifest of `files` (relative paths) into `out`.
Status write_site_manifest(const std::filesystem::path& out, const std::vector<std::string>& files);

}  // namespace landed::site
