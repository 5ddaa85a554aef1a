#include <signal.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "check.h"
#include "log_summary.h"

// CPU seconds a day of logs may take to be counted and fully ranked. The reference solution
// needs about a tenth of a second; the quadratic code needs minutes. The budget is CPU time
// (ITIMER_PROF), not wall time, so a loaded machine cannot fail a fast solution.
constexpr long kBudgetSeconds = 2;

// Raises SIGPROF once the process has used `seconds` of CPU time; 0 disarms it.
static void arm_cpu_budget(long seconds) {
  itimerval timer{};
  timer.it_value.tv_sec = seconds;
  setitimer(ITIMER_PROF, &timer, nullptr);
}

static bool same(const std::vector<UserCount>& got, const std::vector<UserCount>& want) {
  if (got.size() != want.size()) return false;
  for (std::size_t i = 0; i < got.size(); ++i)
    if (got[i].user != want[i].user || got[i].lines != want[i].lines) return false;
  return true;
}

static void finds_the_user_field() {
  CHECK(user_of("GET / user=alice status=200") == "alice");
  CHECK(user_of("user=bob") == "bob");
  CHECK(user_of("GET / superuser=eve").empty());
  CHECK(user_of("GET / superuser=eve user=mallory") == "mallory");
  CHECK(user_of("GET / status=500").empty());
  CHECK(user_of("GET / user= status=200").empty());
}

static void counts_in_order_of_first_appearance() {
  const std::vector<std::string> lines = {
      "GET /a user=bob", "GET /b user=alice", "GET /c", "GET /d user=bob", "GET /e user=",
      "user=carol", "GET /f user=alice", "GET /g user=bob"};
  CHECK(same(count_by_user(lines), {{"bob", 3}, {"alice", 2}, {"carol", 1}}));
  CHECK(count_by_user({}).empty());
  CHECK(count_by_user({"no users here"}).empty());
}

static void ranks_by_count_keeping_ties_in_order() {
  const std::vector<UserCount> counts = {{"a", 1}, {"b", 5}, {"c", 3}, {"d", 5}, {"e", 1}, {"f", 3}};
  CHECK(same(top_users(counts, 3), {{"b", 5}, {"d", 5}, {"c", 3}}));
  CHECK(same(top_users(counts, 100),
             {{"b", 5}, {"d", 5}, {"c", 3}, {"f", 3}, {"a", 1}, {"e", 1}}));
  CHECK(top_users(counts, 0).empty());
  CHECK(top_users({}, 5).empty());
}

struct Lcg {
  std::uint32_t state;
  std::uint32_t next() { return (state = state * 1664525u + 1013904223u) >> 8; }
};

static std::vector<std::string> make_log(std::size_t line_count, std::uint32_t user_count,
                                         std::uint32_t seed) {
  Lcg rng{seed};
  std::vector<std::string> lines;
  lines.reserve(line_count);
  for (std::size_t i = 0; i < line_count; ++i) {
    const std::uint32_t r = rng.next();
    std::string line = "2024-05-01T12:00:00Z GET /item/" + std::to_string(r % 977);
    if (r % 50 != 0) line += " user=u" + std::to_string(rng.next() % user_count);
    line += " status=200";
    lines.push_back(std::move(line));
  }
  return lines;
}

// Simple but slow: the behaviour every faster version must keep.
static std::vector<UserCount> reference_counts(const std::vector<std::string>& lines) {
  std::vector<UserCount> counts;
  for (const std::string& line : lines) {
    const std::string_view user = user_of(line);
    if (user.empty()) continue;
    std::size_t i = 0;
    while (i < counts.size() && counts[i].user != user) ++i;
    if (i == counts.size()) counts.push_back({std::string(user), 0});
    ++counts[i].lines;
  }
  return counts;
}

static std::vector<UserCount> reference_top(std::vector<UserCount> remaining, std::size_t n) {
  std::vector<UserCount> top;
  while (top.size() < n && !remaining.empty()) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < remaining.size(); ++i)
      if (remaining[i].lines > remaining[best].lines) best = i;
    top.push_back(remaining[best]);
    remaining.erase(remaining.begin() + static_cast<std::ptrdiff_t>(best));
  }
  return top;
}

static void matches_the_reference_on_a_small_log() {
  const std::vector<std::string> lines = make_log(3000, 400, 7);
  const std::vector<UserCount> want = reference_counts(lines);
  const std::vector<UserCount> got = count_by_user(lines);
  CHECK(same(got, want));
  CHECK(same(top_users(got, 25), reference_top(want, 25)));
  CHECK(same(top_users(got, got.size()), reference_top(want, want.size())));
}

static void on_budget_exceeded(int) {
  static const char kMessage[] = "FAIL: a day of logs took more than 2 s of CPU time\n";
  (void)!write(2, kMessage, sizeof kMessage - 1);
  _exit(1);
}

static void summarizes_a_day_of_logs_within_budget() {
  const std::vector<std::string> lines = make_log(300000, 100000, 42);
  signal(SIGPROF, on_budget_exceeded);
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  arm_cpu_budget(kBudgetSeconds);
  const std::vector<UserCount> counts = count_by_user(lines);
  const std::vector<UserCount> ranked = top_users(counts, counts.size());
  const std::vector<UserCount> top = top_users(counts, 10);
  arm_cpu_budget(0);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  std::printf("a day of logs: %zu users counted and ranked in %.3f s CPU, %.3f s wall\n",
              counts.size(), cpu_seconds, seconds);
  std::size_t total = 0;
  for (const UserCount& c : counts) total += c.lines;
  CHECK(counts.size() > 90000);
  CHECK(ranked.size() == counts.size());
  CHECK(top.size() == 10);
  bool sorted = true;
  for (std::size_t i = 1; i < ranked.size(); ++i) sorted = sorted && ranked[i - 1].lines >= ranked[i].lines;
  CHECK(sorted);
  CHECK(total > 290000 && total < 300000);
}

int main() {
  finds_the_user_field();
  counts_in_order_of_first_appearance();
  ranks_by_count_keeping_ties_in_order();
  matches_the_reference_on_a_small_log();
  summarizes_a_day_of_logs_within_budget();
  return check_verdict();
}
