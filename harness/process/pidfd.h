// pidfd_open and pidfd_send_signal for C++: glibc 2.36's <sys/pidfd.h> lacks the extern "C"
// block (fixed in 2.37), so C++ callers would look for mangled names and fail to link.
#pragma once

extern "C" {
#include <sys/pidfd.h>
}
