#include "log_summary.h"

#include <algorithm>
#include <unordered_map>

std::string_view user_of(std::string_view line) {
  constexpr std::string_view kField = "user=";
  std::size_t pos = 0;
  while ((pos = line.find(kField, pos)) != std::string_view::npos) {
    if (pos == 0 || line[pos - 1] == ' ') {
      const std::size_t start = pos + kField.size();
      const std::size_t end = line.find(' ', start);
      return line.substr(start, end == std::string_view::npos ? end : end - start);
    }
    pos += kField.size();
  }
  return {};
}

std::vector<UserCount> count_by_user(const std::vector<std::string>& lines) {
  std::vector<UserCount> counts;
  // Position of each user in `counts`, so a line costs one hash lookup, not a scan.
  std::unordered_map<std::string, std::size_t> position;
  position.reserve(lines.size() / 2);
  for (const std::string& line : lines) {
    const std::string_view user = user_of(line);
    if (user.empty()) continue;
    auto [it, inserted] = position.try_emplace(std::string(user), counts.size());
    if (inserted) counts.push_back({it->first, 0});
    ++counts[it->second].lines;
  }
  return counts;
}

std::vector<UserCount> top_users(const std::vector<UserCount>& counts, std::size_t n) {
  std::vector<UserCount> ranked = counts;
  // A stable sort keeps users with equal counts in their original order.
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const UserCount& a, const UserCount& b) { return a.lines > b.lines; });
  if (ranked.size() > n) ranked.resize(n);
  return ranked;
}
