#include "runners/tool_version.h"

#include <filesystem>

#include "harness/base/files.h"
#include "harness/base/sha256.h"
#include "harness/process/program_path.h"

namespace landed {
namespace {

bool is_builtin(const std::string& runner) {
  return runner == "noop" || runner == "oracle" || runner == "sim" || runner == "landed-agent";
}

std::optional<std::filesystem::path> existing_file(const std::string& part, bool program) {
  std::error_code ec;
  if (program) {
    const char* path = std::getenv("PATH");
    auto resolved = resolve_program(part, {std::string("PATH=") + (path ? path : kDefaultSearchPath)},
                                    std::filesystem::current_path(ec));
    if (!resolved.ok()) return std::nullopt;
    return std::filesystem::canonical(*resolved, ec);
  }
  if (part.find('/') == std::string::npos) return std::nullopt;
  if (!std::filesystem::is_regular_file(part, ec)) return std::nullopt;
  return std::filesystem::canonical(part, ec);
}

bool starts_with(const std::string& text, std::string_view prefix) {
  return text.rfind(prefix, 0) == 0;
}

}  // namespace

std::optional<std::string> probe_tool_version(const Contender& contender) {
  if (auto it = contender.options.find("tool_version"); it != contender.options.end())
    return it->second;
  if (is_builtin(contender.runner) || contender.command.empty()) return std::nullopt;
  Sha256 hash;
  int files = 0;
  for (std::size_t i = 0; i < contender.command.size(); ++i) {
    auto file = existing_file(contender.command[i], i == 0);
    if (!file || file->empty()) continue;
    auto content = read_file(*file);
    if (!content.ok()) continue;
    hash.update_field(*content);
    ++files;
  }
  if (files == 0) return std::nullopt;
  return "files:" + hash.hex().substr(0, 16);
}

std::string derive_provider(const Contender& contender) {
  if (!contender.provider.empty()) return contender.provider;
  const std::string& runner = contender.runner;
  const std::string model = contender.model.value_or("");
  if (runner == "sim") return "sim";
  if (runner == "noop" || runner == "oracle") return "local";
  if (runner == "claude-code" || starts_with(model, "claude")) return "anthropic";
  if (runner == "codex" || starts_with(model, "gpt") || starts_with(model, "o1") ||
      starts_with(model, "o3") || starts_with(model, "o4"))
    return "openai";
  if (runner == "gemini" || starts_with(model, "gemini")) return "google";
  return runner;
}

}  // namespace landed
