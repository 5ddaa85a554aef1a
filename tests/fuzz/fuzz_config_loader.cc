// The campaign config loader on any TOML: an Error or a config, never a crash.
#include "harness/campaign/config.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)landed::load_config(landed::fuzz::write_scratch("config.toml", data, size));
  return 0;
}
