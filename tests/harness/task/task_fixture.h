// Writes small task folders for the task and suite tests.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "harness/base/files.h"

namespace landed::testing {

/// Writes `contents` to `file`, creating its folders.
inline void put(const std::filesystem::path& file, std::string_view contents) {
  ASSERT_TRUE(make_directories(file.parent_path()).ok());
  ASSERT_TRUE(write_file(file, contents).ok()) << file;
}

inline constexpr std::string_view kGoodTaskToml = R"(title = "Fix the ring buffer"
difficulty = "medium"
tags = ["cpp", "bugfix"]

[agent]
timeout_s = 900

[verify]
command = "sh tests/run.sh"
timeout_s = 300

[check]
command = "make check"
timeout_s = 60
)";

/// A task with every part: task.toml, prompt, workspace, hidden tests and solution.
inline void write_good_task(const std::filesystem::path& dir,
                            std::string_view task_toml = kGoodTaskToml) {
  put(dir / "task.toml", task_toml);
  put(dir / "prompt.md", "Fix the off-by-one in ring.c.\n");
  put(dir / "workspace/src/ring.c", "int next(int i) { return i + 2; }\n");
  put(dir / "tests/run.sh", "cc tests/t.c && ./a.out\n");
  put(dir / "tests/sub/t.c", "int main(void) { return 0; }\n");
  put(dir / "solution/src/ring.c", "int next(int i) { return i + 1; }\n");
}

}  // namespace landed::testing
