#include "report.h"

#include <algorithm>
#include <map>

std::vector<WordCount> count_words(const std::vector<std::string>& words) {
  std::map<std::string, std::size_t> counts;
  for (const std::string& w : words) ++counts[w];
  std::vector<WordCount> out;
  for (const auto& [word, count] : counts) out.push_back({word, count});
  // The map is alphabetical already, so a stable sort by count keeps ties alphabetical.
  std::stable_sort(out.begin(), out.end(),
                   [](const WordCount& a, const WordCount& b) { return a.count > b.count; });
  return out;
}

std::string format_report(const std::vector<WordCount>& counts, std::size_t top_n) {
  const std::size_t shown = std::min(top_n, counts.size());
  std::size_t width = 1;
  for (std::size_t i = 0; i < shown; ++i)
    width = std::max(width, std::to_string(counts[i].count).size());
  std::string out;
  for (std::size_t i = 0; i < shown; ++i) {
    const std::string number = std::to_string(counts[i].count);
    out += std::string(width - number.size(), ' ') + number + " " + counts[i].word + "\n";
  }
  return out;
}
