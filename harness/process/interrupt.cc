#include "harness/process/interrupt.h"

#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>

namespace landed {
namespace {

std::atomic<int> g_signal{0};
std::atomic<int> g_fd{-1};

void notify() {
  const int fd = g_fd.load();
  if (fd < 0) return;
  const std::uint64_t one = 1;
  (void)!::write(fd, &one, sizeof one);  // async-signal-safe
}

extern "C" void on_signal(int signal) {
  int none = 0;
  g_signal.compare_exchange_strong(none, signal);
  notify();
}

}  // namespace

void install_interrupt_handlers() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_fd.store(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK));
    struct sigaction action = {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
  });
}

int interrupt_signal() { return g_signal.load(); }

int interrupt_fd() { return g_fd.load(); }

void sleep_unless_interrupted(std::chrono::milliseconds duration) {
  const int fd = interrupt_fd();
  if (fd < 0) {
    std::this_thread::sleep_for(duration);
    return;
  }
  const auto until = std::chrono::steady_clock::now() + duration;
  while (!interrupted()) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) return;
    pollfd wake{fd, POLLIN, 0};
    (void)::poll(&wake, 1, static_cast<int>(left.count()));
  }
}

void simulate_interrupt(int signal) {
  g_signal.store(signal);
  if (signal != 0) return notify();
  std::uint64_t count = 0;
  if (const int fd = g_fd.load(); fd >= 0) (void)!::read(fd, &count, sizeof count);
}

}  // namespace landed
