// Working copies of a base commit against `cp -a` of the same tree, in one process.
// Target (design.md): a task's working copy costs <= 1.0x `cp -a`. Every iteration times the
// landed operation and then a `cp -a` of the same files, so both see the same machine state;
// the `vs_cp_a` counter is the ratio of the two totals.
//
//   checkout_bench                                  Google Benchmark run (see bench/README.md)
//   checkout_bench --prepare DIR FILES              a generated tree + its base, for the script
//   checkout_bench --checkout|--sandbox DIR DEST    one checkout_base / make_agent_sandbox
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "harness/base/files.h"
#include "harness/sandbox/apply_patch.h"
#include "harness/sandbox/base_cache.h"
#include "harness/sandbox/base_template.h"
#include "harness/sandbox/candidate_patch.h"
#include "harness/sandbox/working_copy.h"

extern char** environ;

namespace landed {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// A source-like tree: files of 1-6 KB spread over nested folders, every 10th executable and
// every 100th a symlink, so the copy has to keep modes and links like the real thing.
Status make_tree(const fs::path& root, int files) {
  for (int i = 0; i < files; ++i) {
    const fs::path dir = root / ("pkg" + std::to_string(i % 13)) / ("mod" + std::to_string(i % 7)) /
                         ("part" + std::to_string(i % 3));
    LANDED_TRY_STATUS(make_directories(dir));
    const fs::path file = dir / ("file" + std::to_string(i) + ".cc");
    if (i % 100 == 99) {
      fs::create_symlink("../../../README.md", file);
      continue;
    }
    std::string text;
    const size_t size = 1024 + static_cast<size_t>(i * 7919 % 5120);
    for (int line = 0; text.size() < size; ++line)
      text += "int value_" + std::to_string(i) + "_" + std::to_string(line) + " = " +
              std::to_string(line * 31 + i) + ";  // generated for the checkout benchmark\n";
    LANDED_TRY_STATUS(write_file(file, text));
    if (i % 10 == 0) fs::permissions(file, fs::perms(0755));
  }
  return write_file(root / "README.md", "generated tree\n");
}

Result<BaseCommit> base_of(const fs::path& dir) {
  return BaseCache(dir / "cache").from_workspace("bench-tree", dir / "tree");
}

Status cp_a(const fs::path& from, const fs::path& to) {
  std::string from_s = from.string(), to_s = to.string();
  char cp[] = "cp", flag[] = "-a";
  char* argv[] = {cp, flag, from_s.data(), to_s.data(), nullptr};
  pid_t pid = 0;
  if (posix_spawn(&pid, "/bin/cp", nullptr, nullptr, argv, environ) != 0)
    return errno_error("posix_spawn", "/bin/cp");
  int status = 0;
  if (::waitpid(pid, &status, 0) < 0) return errno_error("waitpid", "cp");
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return make_error("cp -a {} failed", from_s);
  return ok_status();
}

struct Fixture {
  TempDir dir;
  BaseCommit base;
};

// Built once per tree size; benchmarks run one at a time, so no lock is needed.
Fixture& fixture(int files) {
  static std::map<int, std::unique_ptr<Fixture>> built;
  auto& slot = built[files];
  if (!slot) {
    auto dir = TempDir::create(fs::temp_directory_path(), "landed-bench-");
    if (!dir.ok() || !make_tree(dir->path() / "tree", files).ok()) std::abort();
    auto base = base_of(dir->path());
    if (!base.ok()) std::abort();
    // The template is built once per base and reused by every attempt: not part of the timing.
    if (!base_template(*base).ok()) std::abort();
    slot = std::make_unique<Fixture>(Fixture{std::move(dir).value(), *base});
  }
  return *slot;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Times `operation(dest)` per iteration, then `cp -a` of the same tree, and reports the ratio.
template <class Operation>
void compare_with_cp(benchmark::State& state, Operation operation) {
  Fixture& f = fixture(static_cast<int>(state.range(0)));
  const fs::path dest = f.dir.path() / "dest", copy = f.dir.path() / "copy";
  double ours = 0, theirs = 0;
  for (auto _ : state) {
    Clock::time_point start = Clock::now();
    if (!operation(f.base, dest).ok()) state.SkipWithError("landed operation failed");
    const double took = seconds_since(start);
    state.SetIterationTime(took);
    ours += took;
    start = Clock::now();
    if (!cp_a(f.dir.path() / "tree", copy).ok()) state.SkipWithError("cp -a failed");
    theirs += seconds_since(start);
    (void)remove_tree(dest);
    (void)remove_tree(copy);
  }
  state.counters["vs_cp_a"] = ours / theirs;
  state.counters["cp_a_ms"] = 1000 * theirs / static_cast<double>(state.iterations());
}

void BM_CheckoutBase(benchmark::State& state) {
  compare_with_cp(state, [](const BaseCommit& base, const fs::path& dest) {
    return checkout_base(base, dest);
  });
}

void BM_MakeAgentSandbox(benchmark::State& state) {
  compare_with_cp(state, [](const BaseCommit& base, const fs::path& dest) -> Status {
    LANDED_TRY_STATUS(make_agent_sandbox(base, dest));
    return ok_status();
  });
}

// The per-attempt work after the agent: diff an untouched sandbox, build the verify checkout.
void BM_DiffAndVerifyCheckout(benchmark::State& state) {
  Fixture& f = fixture(static_cast<int>(state.range(0)));
  const fs::path work = f.dir.path() / "attempt", verify = f.dir.path() / "verify";
  auto sandbox = make_agent_sandbox(f.base, work);
  if (!sandbox.ok()) return state.SkipWithError(sandbox.error().message.c_str());
  for (auto _ : state) {
    auto patch = diff_against_base(*sandbox, f.base);
    if (!patch.ok() || !make_patched_checkout(f.base, *patch, verify).ok())
      state.SkipWithError("diff or verify checkout failed");
    state.PauseTiming();
    (void)remove_tree(verify);
    state.ResumeTiming();
  }
  (void)remove_tree(work);
}

BENCHMARK(BM_CheckoutBase)->Arg(200)->Arg(5000)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_MakeAgentSandbox)->Arg(200)->Arg(5000)->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DiffAndVerifyCheckout)->Arg(200)->Arg(5000)->Unit(benchmark::kMillisecond);

// Command-line modes used by bench/checkout-vs-cp.sh to time whole processes.
bool is_mode(std::string_view arg) {
  return arg == "--prepare" || arg == "--checkout" || arg == "--sandbox";
}

Status run_mode(std::string_view mode, const fs::path& dir, const char* arg) {
  if (mode == "--prepare") {
    LANDED_TRY_STATUS(make_tree(dir / "tree", std::stoi(arg)));
    LANDED_TRY(BaseCommit base, base_of(dir));
    std::printf("%s %s\n", base.commit_oid.c_str(), base.repo_dir.c_str());
    return ok_status();
  }
  LANDED_TRY(BaseCommit base, base_of(dir));
  if (mode == "--checkout") return checkout_base(base, arg);
  LANDED_TRY_STATUS(make_agent_sandbox(base, arg));
  return ok_status();
}

}  // namespace
}  // namespace landed

int main(int argc, char** argv) {
  if (argc == 4 && landed::is_mode(argv[1])) {
    landed::Status done = landed::run_mode(argv[1], argv[2], argv[3]);
    if (!done.ok()) std::fprintf(stderr, "checkout_bench: %s\n", done.error().message.c_str());
    return done.ok() ? 0 : 1;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
