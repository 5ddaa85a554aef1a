// Moved to harness/base/unique_fd.h (the sandbox and file helpers own descriptors too).
#pragma once

#include "harness/base/unique_fd.h"
