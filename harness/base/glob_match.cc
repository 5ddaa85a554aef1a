#include "harness/base/glob_match.h"

#include <string>
#include <vector>

namespace landed {

namespace {

std::vector<std::string_view> components(std::string_view path) {
  std::vector<std::string_view> parts;
  while (!path.empty()) {
    const size_t slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    if (!part.empty() && part != ".") parts.push_back(part);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return parts;
}

// `*` and `?` within one component (no '/' can occur here).
bool component_match(std::string_view pattern, std::string_view name) {
  if (pattern.empty()) return name.empty();
  if (pattern.front() == '*') {
    for (size_t skip = 0; skip <= name.size(); ++skip)
      if (component_match(pattern.substr(1), name.substr(skip))) return true;
    return false;
  }
  if (name.empty()) return false;
  if (pattern.front() != '?' && pattern.front() != name.front()) return false;
  return component_match(pattern.substr(1), name.substr(1));
}

bool parts_match(const std::vector<std::string_view>& pattern, size_t p,
                 const std::vector<std::string_view>& path, size_t i) {
  if (p == pattern.size()) return i == path.size();
  if (pattern[p] == "**") {
    for (size_t skip = i; skip <= path.size(); ++skip)
      if (parts_match(pattern, p + 1, path, skip)) return true;
    return false;
  }
  if (i == path.size() || !component_match(pattern[p], path[i])) return false;
  return parts_match(pattern, p + 1, path, i + 1);
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  return parts_match(components(pattern), 0, components(path), 0);
}

}  // namespace landed
