#include "runners/cli_tool_support.h"

#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>

namespace landed {

std::vector<std::string> cli_tool_program(const Contender& contender,
                                          const std::string& default_program) {
  if (auto it = contender.options.find("executable"); it != contender.options.end())
    return {it->second};
  if (!contender.command.empty()) return contender.command;
  return {default_program};
}

Status check_cli_tool_options(const Contender& contender, const std::string& runner,
                              const std::vector<std::string>& known) {
  for (const auto& [key, value] : contender.options)
    if (std::find(known.begin(), known.end(), key) == known.end())
      return make_error("contender {}: unknown {} option \"{}\" (known: {})", contender.id, runner,
                        key, fmt::join(known, ", "));
  return ok_status();
}

Result<std::filesystem::path> make_tool_home(const AgentRequest& request, const std::string& name) {
  const std::filesystem::path root =
      request.scratch_dir.empty() ? request.log_dir / "scratch" : request.scratch_dir;
  const std::filesystem::path home = root / name;
  for (const char* sub : {".config", ".local/share", ".cache", ".local/state"}) {
    std::error_code error;
    std::filesystem::create_directories(home / sub, error);
    if (error) return make_error("could not create {}: {}", (home / sub).string(), error.message());
  }
  return home;
}

std::vector<std::string> tool_home_environment(const std::filesystem::path& home) {
  return {"HOME=" + home.string(), "XDG_CONFIG_HOME=" + (home / ".config").string(),
          "XDG_DATA_HOME=" + (home / ".local/share").string(),
          "XDG_CACHE_HOME=" + (home / ".cache").string(),
          "XDG_STATE_HOME=" + (home / ".local/state").string()};
}

void add_default_env(std::vector<std::string>& env, const Contender& contender,
                     const std::string& key, const std::string& value) {
  if (contender.env.count(key) || contender.env_from.count(key)) return;
  env.push_back(key + "=" + value);
}

bool provider_unavailable_message(std::string_view message) {
  std::string text(message);
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static const std::array<const char*, 16> kPhrases = {
      "econnrefused", "econnreset", "etimedout", "enotfound", "eai_again", "fetch failed",
      "socket hang up", "connection refused", "unable to connect", "overloaded",
      "rate limit", "resource_exhausted", "service unavailable", "too many requests",
      "resource has been exhausted", "please wait and try again later"};
  for (const char* phrase : kPhrases)
    if (text.find(phrase) != std::string::npos) return true;
  // An HTTP status in the usual shapes: "code":429, "status": 503, "statusCode":502, (429).
  static const std::regex kStatus(
      R"re((?:code|status|statuscode)"?\s*[:=]\s*"?(429|5\d\d)\b|\b(429|5\d\d) (?:too many|internal|bad gateway|service|gateway))re");
  return std::regex_search(text, kStatus);
}

Count json_count_field(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer() || it->get<std::int64_t>() < 0)
    return std::nullopt;
  return it->get<std::int64_t>();
}

std::string json_string_field(const nlohmann::json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string process_end_text(const ProcessResult& process) {
  if (process.exit_code) return fmt::format("exit status {}", *process.exit_code);
  return fmt::format("signal {}", process.signal.value_or(0));
}

}  // namespace landed
