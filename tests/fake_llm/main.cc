// fake-llm: a scripted fake LLM server for integration tests (see README.md in this folder).
//   fake-llm --script FILE [--port N] [--log FILE] [--log-bodies] [--max-requests N]
//            [--idle-exit S]
// Prints "listening on PORT" as its first line once it accepts connections.
#include <cstdlib>
#include <iostream>
#include <string>

#include "tests/fake_llm/server.h"

namespace {

struct Arguments {
  std::string script;
  fake_llm::ServerOptions options;
};

landed::Result<Arguments> parse_arguments(int argc, char** argv) {
  Arguments args;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--log-bodies") {
      args.options.log_bodies = true;
      continue;
    }
    if (i + 1 >= argc) return landed::make_error("{} needs a value", flag);
    const std::string value = argv[++i];
    if (flag == "--script")
      args.script = value;
    else if (flag == "--port")
      args.options.port = std::stoi(value);
    else if (flag == "--log")
      args.options.log_path = value;
    else if (flag == "--max-requests")
      args.options.max_requests = std::stoi(value);
    else if (flag == "--idle-exit")
      args.options.idle_exit_s = std::stod(value);
    else
      return landed::make_error("unknown flag {}", flag);
  }
  if (args.script.empty()) return landed::make_error("--script FILE is required");
  return args;
}

int run(int argc, char** argv) {
  auto args = parse_arguments(argc, argv);
  if (!args.ok()) {
    std::cerr << "fake-llm: " << args.error().message << "\n";
    return 2;
  }
  auto script = fake_llm::load_script(args->script);
  auto log = fake_llm::RequestLog::open(args->options.log_path);
  if (!script.ok() || !log.ok()) {
    std::cerr << "fake-llm: " << (script.ok() ? log.error() : script.error()).message << "\n";
    return 2;
  }
  fake_llm::FakeServer server(std::move(script).value(), args->options, std::move(log).value());
  auto port = server.bind();
  if (!port.ok()) {
    std::cerr << "fake-llm: " << port.error().message << "\n";
    return 1;
  }
  std::cout << "listening on " << *port << std::endl;
  server.serve();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {  // std::stoi on a bad number
    std::cerr << "fake-llm: " << e.what() << "\n";
    return 2;
  }
}
