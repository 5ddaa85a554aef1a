#include "harness/mine/test_paths.h"

#include <fnmatch.h>

namespace landed {

std::vector<std::string> default_test_globs() {
  return {"tests/*",   "*/tests/*",  "test/*",     "*/test/*",   "__tests__/*", "*/__tests__/*",
          "test_*.py", "*_test.py",  "*_test.go",  "*.test.js",  "*.test.ts",   "*.test.jsx",
          "*.test.tsx", "*.spec.js", "*.spec.ts",  "*_test.cc",  "*_test.cpp",  "*_test.rs"};
}

bool is_test_path(std::string_view path, const std::vector<std::string>& globs) {
  const std::string full(path);
  const auto slash = full.rfind('/');
  const std::string name = slash == std::string::npos ? full : full.substr(slash + 1);
  for (const std::string& glob : globs) {
    const std::string& subject = glob.find('/') == std::string::npos ? name : full;
    if (::fnmatch(glob.c_str(), subject.c_str(), 0) == 0) return true;
  }
  return false;
}

}  // namespace landed
