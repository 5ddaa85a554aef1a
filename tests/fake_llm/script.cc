#include "tests/fake_llm/script.h"

#include "harness/base/files.h"

namespace fake_llm {
namespace {

using landed::make_error;
using landed::Result;
using nlohmann::json;

Result<std::int64_t> count(const json& usage, const char* key) {
  auto it = usage.find(key);
  if (it == usage.end()) return std::int64_t{0};
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0)
    return make_error("usage.{} must be a non-negative integer", key);
  return it->get<std::int64_t>();
}

Result<ScriptUsage> parse_usage(const json& turn) {
  ScriptUsage usage;
  auto it = turn.find("usage");
  if (it == turn.end()) return usage;
  if (!it->is_object()) return make_error("usage must be an object");
  LANDED_TRY(usage.input, count(*it, "input"));
  LANDED_TRY(usage.cache_read, count(*it, "cache_read"));
  LANDED_TRY(usage.cache_write, count(*it, "cache_write"));
  LANDED_TRY(usage.output, count(*it, "output"));
  LANDED_TRY(usage.reasoning, count(*it, "reasoning"));
  if (usage.reasoning > usage.output)
    return make_error("usage.reasoning ({}) is part of usage.output ({}): it cannot exceed it",
                      usage.reasoning, usage.output);
  return usage;
}

Result<ScriptedError> parse_error(const json& spec) {
  if (!spec.is_object()) return make_error("error must be an object");
  ScriptedError error;
  error.status = spec.value("status", 500);
  error.message = spec.value("message", "scripted error " + std::to_string(error.status));
  error.times = spec.value("times", 1);
  error.forever = spec.value("forever", false);
  if (spec.contains("retry_after")) error.retry_after_s = spec["retry_after"].get<int>();
  if (error.status < 400 || error.status > 599)
    return make_error("error.status must be 4xx or 5xx");
  if (error.times < 1) return make_error("error.times must be at least 1");
  return error;
}

Result<Turn> parse_tool_call(const json& spec, Turn turn) {
  if (!spec.is_object()) return make_error("tool_call must be an object");
  turn.kind = Turn::Kind::kToolCall;
  turn.command = spec.value("command", "");
  if (spec.contains("tool")) turn.tool = spec["tool"].get<std::string>();
  if (spec.contains("arguments")) turn.arguments = spec["arguments"];
  if (turn.command.empty() && !turn.arguments)
    return make_error("tool_call needs a command (or explicit arguments)");
  return turn;
}

Result<Turn> parse_turn(const json& spec) {
  if (!spec.is_object()) return make_error("a turn must be an object");
  Turn turn;
  LANDED_TRY(turn.usage, parse_usage(spec));
  turn.text = spec.value("text", "");
  if (spec.contains("error")) {
    turn.kind = Turn::Kind::kError;
    LANDED_TRY(turn.error, parse_error(spec["error"]));
    return turn;
  }
  if (spec.contains("tool_call")) return parse_tool_call(spec["tool_call"], std::move(turn));
  if (!spec.contains("text")) return make_error("a turn needs tool_call, text or error");
  return turn;
}

}  // namespace

Result<Script> parse_script(const json& document) {
  if (!document.is_object() || !document.contains("turns") || !document["turns"].is_array())
    return make_error("a script is an object with a \"turns\" array");
  Script script;
  const json& turns = document["turns"];
  for (std::size_t i = 0; i < turns.size(); ++i) {
    try {
      auto turn = parse_turn(turns[i]);
      if (!turn.ok()) return turn.error().with_context(fmt::format("turns[{}]", i));
      script.turns.push_back(std::move(turn).value());
    } catch (const json::exception& e) {
      return make_error("turns[{}]: {}", i, e.what());
    }
  }
  return script;
}

Result<Script> load_script(const std::filesystem::path& path) {
  LANDED_TRY(std::string text, landed::read_file(path));
  json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return make_error("{}: not valid JSON", path.string());
  auto script = parse_script(document);
  if (!script.ok()) return script.error().with_context(path.string());
  return script;
}

Cue Player::next() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (position_ >= script_.turns.size()) return Cue{static_cast<int>(position_), nullptr};
  const Turn& turn = script_.turns[position_];
  Cue cue{static_cast<int>(position_), &turn};
  const bool repeating = turn.kind == Turn::Kind::kError &&
                         (turn.error.forever || repeats_served_ + 1 < turn.error.times);
  if (repeating) {
    ++repeats_served_;
  } else {
    ++position_;
    repeats_served_ = 0;
  }
  return cue;
}

}  // namespace fake_llm
