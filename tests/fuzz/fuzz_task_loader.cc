// The task loader on any task.toml: an Error or a Task, never a crash.
#include <filesystem>
#include <fstream>

#include "harness/task/task.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace landed;
  static const std::filesystem::path task_dir = [] {
    const auto dir = fuzz::scratch_dir() / "task";
    std::filesystem::create_directories(dir / "workspace");
    std::filesystem::create_directories(dir / "tests");
    std::ofstream(dir / "prompt.md") << "Fix it.\n";
    std::ofstream(dir / "workspace" / "a.txt") << "1\n";
    std::ofstream(dir / "tests" / "t.sh") << "true\n";
    return dir;
  }();
  std::ofstream(task_dir / "task.toml", std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  (void)load_task(task_dir);
  return 0;
}
