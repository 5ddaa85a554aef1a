// Splitting text into lower-case words.
#pragma once

#include <string>
#include <vector>

/// The words of `text`: maximal runs of ASCII letters and digits, lower-cased.
std::vector<std::string> tokenize(const std::string& text);
