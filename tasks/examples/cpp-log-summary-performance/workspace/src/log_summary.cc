#include "log_summary.h"

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
  for (const std::string& line : lines) {
    const std::string_view user = user_of(line);
    if (user.empty()) continue;
    bool found = false;
    for (UserCount& entry : counts) {
      if (entry.user == user) {
        ++entry.lines;
        found = true;
        break;
      }
    }
    if (!found) counts.push_back({std::string(user), 1});
  }
  return counts;
}

std::vector<UserCount> top_users(const std::vector<UserCount>& counts, std::size_t n) {
  std::vector<UserCount> remaining = counts;
  std::vector<UserCount> top;
  while (top.size() < n && !remaining.empty()) {
    // The first maximum wins, which keeps ties in their original order.
    std::size_t best = 0;
    for (std::size_t i = 1; i < remaining.size(); ++i)
      if (remaining[i].lines > remaining[best].lines) best = i;
    top.push_back(remaining[best]);
    remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(best));
  }
  return top;
}
