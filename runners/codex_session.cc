#include "runners/codex_session.h"

#include <fstream>
#include <system_error>

#include "runners/agent_cli_support.h"

namespace landed {

using nlohmann::json;

TokenUsage codex_tokens(const json& usage) {
  TokenUsage t;
  const Count input = json_count(usage, "input_tokens");
  t.cache_read_tokens = json_count(usage, "cached_input_tokens");
  t.cache_write_tokens = json_count(usage, "cache_write_input_tokens");
  // Known-zero: the OpenAI API Codex speaks bills no cache writes (runners/README.md).
  if (!t.cache_write_tokens && input) t.cache_write_tokens = 0;
  if (input && t.cache_read_tokens) {
    const std::int64_t uncached = *input - *t.cache_read_tokens - t.cache_write_tokens.value_or(0);
    if (uncached >= 0) t.input_tokens = uncached;
  }
  t.output_tokens = json_count(usage, "output_tokens");
  t.reasoning_tokens = json_count(usage, "reasoning_output_tokens");
  return t;
}

void CodexSessionLog::poll(const std::string& thread_id) {
  if (path_.empty()) {
    if (thread_id.empty()) return;
    std::error_code ec;
    const std::string suffix = "-" + thread_id + ".jsonl";
    for (auto it = std::filesystem::recursive_directory_iterator(home_ / "sessions", ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (name.size() > suffix.size() && name.ends_with(suffix)) path_ = it->path();
    }
    if (path_.empty()) return;
  }
  std::ifstream in(path_, std::ios::binary);
  if (!in) return;
  in.seekg(static_cast<std::streamoff>(offset_));
  std::string chunk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  offset_ += chunk.size();
  partial_ += chunk;
  std::size_t start = 0;
  for (std::size_t end; (end = partial_.find('\n', start)) != std::string::npos; start = end + 1)
    on_line(partial_.substr(start, end - start));
  partial_.erase(0, start);
}

void CodexSessionLog::on_line(const std::string& line) {
  const json entry = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!entry.is_object() || !entry.contains("payload")) return;
  const std::string type = json_string(entry, "type");
  const json& payload = entry["payload"];
  if (type == "turn_context") {
    if (std::string model = json_string(payload, "model"); !model.empty()) model_ = model;
  } else if (type == "token_usage_record" && payload.contains("usage")) {
    const std::string response = json_string(payload, "response_id");
    if (!responses_.insert(response.empty() ? std::to_string(responses_.size()) : response).second)
      return;
    tokens_ += codex_tokens(payload["usage"]);
  }
}

}  // namespace landed
