#include "runners/opencode_parser.h"
#include "tests/fuzz/parser_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return landed::fuzz::fuzz_parser(data, size, [] {
    return std::make_unique<landed::OpencodeParser>("anthropic/claude-sonnet-4-5");
  });
}
