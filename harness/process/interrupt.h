// SIGINT and SIGTERM to `landed run`: the campaign stops starting attempts, every running
// child is stopped like a timeout (TERM to its group, grace, KILL), and the command exits
// 128 + the signal. The handler only records the signal and makes an eventfd readable, so
// every poll loop (process supervision, backoff sleeps) wakes up at once.
#pragma once

#include <chrono>

namespace landed {

/// Installs the handlers for SIGINT and SIGTERM (idempotent).
void install_interrupt_handlers();
/// The first signal received, or 0.
int interrupt_signal();
inline bool interrupted() { return interrupt_signal() != 0; }
/// Readable once a signal arrived (never drained); -1 before install_interrupt_handlers.
int interrupt_fd();
/// Sleeps for `duration` or until a signal arrives, whichever is first.
void sleep_unless_interrupted(std::chrono::milliseconds duration);
/// For tests: records `signal` as if it had arrived (0 clears it).
void simulate_interrupt(int signal);

}  // namespace landed
