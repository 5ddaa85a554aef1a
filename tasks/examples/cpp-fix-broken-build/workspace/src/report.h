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
