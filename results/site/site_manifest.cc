#include "results/site/site_manifest.h"

#include <algorithm>
#include <set>
#include <sstream>

#include "harness/base/files.h"

namespace landed::site {
namespace {

namespace fs = std::filesystem;

Result<std::set<std::string>> read_manifest(const fs::path& out) {
  LANDED_TRY(std::string text, read_file(out / kSiteManifest));
  std::set<std::string> files;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    const fs::path rel = fs::path(line).lexically_normal();
    // A listed path must stay inside the site: a tampered manifest cannot aim a delete outside.
    if (line.empty() || rel.is_absolute() || *rel.begin() == "..") continue;
    files.insert(rel.generic_string());
  }
  return files;
}

/// Every entry under `out` that is not a folder (links are not followed), relative, sorted.
Result<std::vector<std::string>> entries(const fs::path& out) {
  std::vector<std::string> found;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(out, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec)) continue;
    found.push_back(fs::relative(it->path(), out, ec).generic_string());
  }
  if (ec) return make_error("cannot list {}: {}", out.string(), ec.message());
  std::sort(found.begin(), found.end());
  return found;
}

/// Removes the folders under `out` that are empty now (deepest first); keeps any other.
void remove_empty_folders(const fs::path& out) {
  std::vector<fs::path> folders;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(out, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec) && !it->is_symlink(ec)) folders.push_back(it->path());
  for (auto it = folders.rbegin(); it != folders.rend(); ++it) fs::remove(*it, ec);  // empty only
}

}  // namespace

Status clear_published_site(const fs::path& out) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(out, ec))) return ok_status();
  if (!fs::is_directory(fs::symlink_status(out, ec)))
    return make_error("{}: exists and is not a folder; choose an empty or new folder for --out",
                      out.string());
  LANDED_TRY(std::vector<std::string> found, entries(out));
  if (found.empty()) return ok_status();
  if (!fs::is_regular_file(fs::symlink_status(out / kSiteManifest, ec)))
    return make_error("{}: holds files landed did not publish (e.g. {}); choose an empty or new "
                      "folder for --out", out.string(), found.front());
  LANDED_TRY(std::set<std::string> published, read_manifest(out));
  for (const std::string& file : found)
    if (file != kSiteManifest && !published.count(file))
      return make_error("{}: holds {}, which landed did not publish there; move it away or "
                        "choose another --out", out.string(), file);
  for (const std::string& file : found)
    if (!fs::remove(out / file, ec) && ec)
      return make_error("cannot remove {}: {}", (out / file).string(), ec.message());
  remove_empty_folders(out);
  return ok_status();
}

Status write_site_manifest(const fs::path& out, const std::vector<std::string>& files) {
  std::string text;
  for (const std::string& file : files) text += file + "\n";
  return write_file_atomic(out / kSiteManifest, text);
}

}  // namespace landed::site
