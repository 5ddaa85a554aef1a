#include "harness/cli/progress.h"

#include <unistd.h>

#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "harness/base/clock.h"

namespace landed::cli {
namespace {

std::string duration(double seconds) {
  const auto s = static_cast<long>(seconds);
  if (s >= 3600) return fmt::format("{}h{:02}m", s / 3600, (s % 3600) / 60);
  if (s >= 60) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

std::string counts(const ProgressTally& t) {
  std::string text = fmt::format("pass {} fail {} error {}", t.passed, t.failed, t.errors);
  if (t.infra > 0) text += fmt::format(" infra {}", t.infra);
  return text;
}

std::string dollars(const ProgressTally& t) {
  std::string text = fmt::format("${:.2f}", t.usd);
  if (t.unpriced > 0) text += fmt::format(" (+{} unpriced)", t.unpriced);
  return text;
}

void emit(const std::string& text) {
  std::fputs(text.c_str(), stderr);
  std::fflush(stderr);
}

/// The live line on a terminal, redrawn in place after each attempt.
class ProgressBar final : public CampaignObserver {
 public:
  void campaign_started(std::size_t to_run) override { tally_.total = to_run; }
  void attempt_finished(const Record& record) override {
    std::lock_guard lock(mutex_);
    tally_.add(record);
    const double elapsed = clock_.seconds();
    const double left = elapsed / static_cast<double>(tally_.done) *
                        static_cast<double>(tally_.total - tally_.done);
    emit(fmt::format("\r\033[K[{}/{}] {} · {}  {} elapsed, ~{} left", tally_.done, tally_.total,
                     counts(tally_), dollars(tally_), duration(elapsed), duration(left)));
  }
  void campaign_finished() override {
    if (tally_.done > 0) emit("\r\033[K");
  }

 private:
  ProgressTally tally_;
  Stopwatch clock_;
  std::mutex mutex_;
};

/// Lines for logs: at every tenth of the attempts, and a heartbeat when none finished lately.
class PlainProgress final : public CampaignObserver {
 public:
  explicit PlainProgress(std::chrono::seconds heartbeat) : heartbeat_(heartbeat) {}
  ~PlainProgress() override { stop(); }
  void campaign_started(std::size_t to_run) override {
    tally_.total = to_run;
    if (to_run > 0) ticker_ = std::thread([this] { tick(); });
  }
  void attempt_finished(const Record& record) override {
    std::lock_guard lock(mutex_);
    tally_.add(record);
    const std::size_t decile = tally_.done * 10 / tally_.total;
    if (decile > last_decile_ || tally_.done == tally_.total) {
      last_decile_ = decile;
      print_locked();
    }
  }
  void campaign_finished() override { stop(); }

 private:
  void print_locked() {
    emit(plain_progress_line(tally_, clock_.seconds()) + "\n");
    last_print_ = std::chrono::steady_clock::now();
  }
  void tick() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      wake_.wait_until(lock, last_print_ + heartbeat_);
      if (!stopping_ && std::chrono::steady_clock::now() >= last_print_ + heartbeat_) print_locked();
    }
  }
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (ticker_.joinable()) ticker_.join();
  }
  std::chrono::seconds heartbeat_;
  ProgressTally tally_;
  std::size_t last_decile_ = 0;
  Stopwatch clock_;
  std::chrono::steady_clock::time_point last_print_ = std::chrono::steady_clock::now();
  bool stopping_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread ticker_;
};

}  // namespace

void ProgressTally::add(const Record& record) {
  ++done;
  switch (record.outcome) {
    case Outcome::kPass: ++passed; break;
    case Outcome::kFail: ++failed; break;
    case Outcome::kInfraError: ++infra; break;
    default: ++errors; break;
  }
  if (record.cost_usd) usd += *record.cost_usd;
  else if (record.price_status != "no_usage") ++unpriced;
}

std::string plain_progress_line(const ProgressTally& tally, double elapsed_s) {
  const std::size_t percent = tally.total > 0 ? tally.done * 100 / tally.total : 100;
  return fmt::format("[{}/{}] {}% {} · {} spent · {} elapsed", tally.done, tally.total, percent,
                     counts(tally), dollars(tally), duration(elapsed_s));
}

const std::vector<std::string>& progress_modes() {
  static const std::vector<std::string> modes{"auto", "bar", "plain", "none"};
  return modes;
}

std::unique_ptr<CampaignObserver> make_progress(const std::string& mode,
                                                std::chrono::seconds heartbeat) {
  const bool terminal = ::isatty(STDERR_FILENO);
  if (mode == "none") return nullptr;
  if (mode == "bar" || (mode == "auto" && terminal)) return std::make_unique<ProgressBar>();
  return std::make_unique<PlainProgress>(heartbeat);
}

}  // namespace landed::cli
