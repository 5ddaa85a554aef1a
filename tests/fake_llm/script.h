// The fake LLM server's script: the turns it replays, one per model request, in order.
// The format is documented in tests/fake_llm/README.md.
#pragma once

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "harness/base/error.h"

namespace fake_llm {

/// Usage of one turn in landed's normalized terms: input is uncached input only, output
/// includes reasoning. Each dialect re-expresses it in its API's own convention.
struct ScriptUsage {
  std::int64_t input = 0;
  std::int64_t cache_read = 0;
  std::int64_t cache_write = 0;
  std::int64_t output = 0;
  std::int64_t reasoning = 0;
};

struct ScriptedError {
  int status = 500;
  std::string message;
  int times = 1;                     // consecutive requests that get this error
  bool forever = false;              // every later request gets it
  std::optional<int> retry_after_s;  // sent as a Retry-After header
};

struct Turn {
  enum class Kind { kToolCall, kText, kError };
  Kind kind = Kind::kText;
  std::string command;                      // kToolCall: the shell command
  std::optional<std::string> tool;          // kToolCall: force this tool name
  std::optional<nlohmann::json> arguments;  // kToolCall: force these arguments
  std::string text;                         // kText: the answer; kToolCall: text before it
  ScriptUsage usage;
  ScriptedError error;  // kError
};

struct Script {
  std::vector<Turn> turns;
};

/// Parses a script document; errors name the turn that is wrong.
landed::Result<Script> parse_script(const nlohmann::json& document);
landed::Result<Script> load_script(const std::filesystem::path& path);

/// What one model request gets: a turn (by index) or nothing, once the script has run out.
struct Cue {
  int index = -1;
  const Turn* turn = nullptr;  // null past the end of the script
};

/// Hands out turns in order; an error turn is handed out `times` times. Thread-safe.
class Player {
 public:
  explicit Player(Script script) : script_(std::move(script)) {}
  Cue next();

 private:
  std::mutex mutex_;
  Script script_;
  std::size_t position_ = 0;
  int repeats_served_ = 0;
};

}  // namespace fake_llm
