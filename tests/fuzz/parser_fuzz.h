// One agent-CLI output parser on any output: every line goes to on_line, then finish() with
// a clean exit and with a killed process. Usage and a status, never a crash.
#pragma once

#include "harness/process/process.h"
#include "runners/subprocess_runner.h"
#include "tests/fuzz/fuzz_support.h"

namespace landed::fuzz {

template <class MakeParser>
int fuzz_parser(const std::uint8_t* data, std::size_t size, MakeParser make) {
  for (int exit_code : {0, 1}) {
    auto parser = make();
    for_each_line(data, size, [&](std::string_view line) { parser->on_line(line); });
    (void)parser->usage();
    (void)parser->wants_stop();
    ProcessResult process;
    process.exit_code = exit_code;
    (void)parser->finish(process);
  }
  return 0;
}

}  // namespace landed::fuzz
