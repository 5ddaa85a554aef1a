// The fuzz targets without libFuzzer: `fuzz_seeds TARGET PATH...` feeds every file under the
// paths (the seed corpus, or what `make fuzz` found) to the target once. Built with the default
// compiler in the default build, so `ctest` checks each target on its seeds in about a second;
// a crash, an abort or an exception fails the test and names the file.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

// Each target's LLVMFuzzerTestOneInput, renamed at compile time (see CMakeLists.txt).
extern "C" {
int landed_fuzz_task_loader(const std::uint8_t*, std::size_t);
int landed_fuzz_config_loader(const std::uint8_t*, std::size_t);
int landed_fuzz_records_reader(const std::uint8_t*, std::size_t);
int landed_fuzz_claude_code_parser(const std::uint8_t*, std::size_t);
int landed_fuzz_codex_parser(const std::uint8_t*, std::size_t);
int landed_fuzz_gemini_cli_parser(const std::uint8_t*, std::size_t);
int landed_fuzz_opencode_parser(const std::uint8_t*, std::size_t);
}

namespace {

using Target = int (*)(const std::uint8_t*, std::size_t);

const std::map<std::string, Target> kTargets = {
    {"task_loader", landed_fuzz_task_loader},
    {"config_loader", landed_fuzz_config_loader},
    {"records_reader", landed_fuzz_records_reader},
    {"claude_code_parser", landed_fuzz_claude_code_parser},
    {"codex_parser", landed_fuzz_codex_parser},
    {"gemini_cli_parser", landed_fuzz_gemini_cli_parser},
    {"opencode_parser", landed_fuzz_opencode_parser},
};

/// Every regular file under `path` (or `path` itself), sorted so runs are repeatable.
std::vector<std::filesystem::path> seed_files(const std::filesystem::path& path) {
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_regular_file(path)) return {path};
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

void run_one(Target target, const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::fprintf(stderr, "seed %s (%zu bytes)\n", file.c_str(), bytes.size());
  target(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || !kTargets.count(argv[1])) {
    std::fprintf(stderr, "usage: fuzz_seeds TARGET PATH...; targets:");
    for (const auto& [name, _] : kTargets) std::fprintf(stderr, " %s", name.c_str());
    std::fprintf(stderr, "\n");
    return 2;
  }
  const Target target = kTargets.at(argv[1]);
  std::size_t seeds = 0;
  for (int i = 2; i < argc; ++i)
    for (const auto& file : seed_files(argv[i])) {
      run_one(target, file);
      ++seeds;
    }
  std::printf("%s: %zu seeds, no crash\n", argv[1], seeds);
  return seeds == 0 ? 1 : 0;  // an empty corpus proves nothing
}
