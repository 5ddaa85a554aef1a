// Which files of a commit are tests: `landed tasks mine` makes a commit's test files the hidden
// tests of its task and the rest its reference solution.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace landed {

/// tests/, test/, __tests__/ folders at any depth and the usual file names: test_*.py,
/// *_test.py, *_test.go, *.test.js/ts, *.spec.js/ts, *_test.cc/cpp, *_test.rs.
std::vector<std::string> default_test_globs();

/// True when `path` matches one of `globs`. A glob without '/' matches the file name, one with
/// '/' the whole path, where '*' also matches '/'.
bool is_test_path(std::string_view path, const std::vector<std::string>& globs);

}  // namespace landed
