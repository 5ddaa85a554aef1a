// A minimal test helper: CHECK records a failure and keeps going; main returns the verdict.
#pragma once

#include <cmath>
#include <cstdio>

namespace check {
inline int failures = 0;
}  // namespace check

#define CHECK(cond)                                                                \
  do {                                                                             \
    if (!(cond)) {                                                                 \
      std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      ++check::failures;                                                           \
    }                                                                              \
  } while (0)

#define CHECK_NEAR(a, b) CHECK(std::fabs((a) - (b)) < 1e-9)

#define CHECK_THROWS(expr, type)        \
  do {                                  \
    bool threw = false;                 \
    try {                               \
      (void)(expr);                     \
    } catch (const type&) {             \
      threw = true;                     \
    }                                   \
    CHECK(threw && #expr " throws " #type); \
  } while (0)

inline int check_verdict() {
  if (check::failures == 0) std::puts("all checks passed");
  return check::failures == 0 ? 0 : 1;
}
