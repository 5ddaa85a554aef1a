// Counting words and rendering the frequency report.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

struct WordCount {
  std::string word;
  std::size_t count = 0;
};

/// Counts every word; sorted by count (descending), ties alphabetically.
std::vector<WordCount> count_words(const std::vector<std::string>& words);

/// The first `top_n` entries as lines "<count> <word>", counts right-aligned to a common width.
std::string format_report(const std::vector<WordCount>& counts, std::size_t top_n);
