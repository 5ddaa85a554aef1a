#include "harness/campaign/progress.h"

#include <cstdio>

#include <fmt/format.h>

namespace landed {
namespace {

std::string duration(double seconds) {
  const auto s = static_cast<long>(seconds);
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

}  // namespace

void ProgressLine::attempt_finished(Outcome outcome) {
  if (!enabled_) return;
  std::lock_guard lock(mutex_);
  ++done_;
  if (outcome == Outcome::kPass) ++passed_;
  else if (outcome == Outcome::kFail) ++failed_;
  else if (outcome == Outcome::kInfraError) ++infra_;
  else ++errors_;
  draw();
}

void ProgressLine::draw() {
  const double elapsed = clock_.seconds();
  const double left = done_ > 0 ? elapsed / done_ * (total_ - done_) : 0;
  std::string line = fmt::format("\r\033[K[{}/{}] pass {} fail {} error {}", done_, total_,
                                 passed_, failed_, errors_);
  if (infra_ > 0) line += fmt::format(" infra {}", infra_);
  line += fmt::format("  {} elapsed, ~{} left", duration(elapsed), duration(left));
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
}

void ProgressLine::finish() {
  if (!enabled_ || done_ == 0) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
}

}  // namespace landed
