#include "runners/agent_cli_support.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <regex>
#include <system_error>

#include <fmt/ranges.h>

#include "harness/base/spelling.h"

namespace landed {

using nlohmann::json;

std::vector<std::string> tool_program(const Contender& contender, const std::string& default_program) {
  if (auto it = contender.options.find("executable"); it != contender.options.end())
    return {it->second};
  if (!contender.command.empty()) return contender.command;
  return {default_program};
}

Status check_known_options(const Contender& contender, const std::string& runner,
                           const std::vector<std::string>& known) {
  for (const auto& [key, value] : contender.options)
    if (std::find(known.begin(), known.end(), key) == known.end())
      return make_error("contender {}: unknown {} option \"{}\"{} (known: {})", contender.id,
                        runner, key, did_you_mean(key, known), fmt::join(known, ", "));
  return ok_status();
}

Result<bool> wants_private_home(const Contender& contender, const std::string& runner) {
  auto it = contender.options.find("home");
  if (it == contender.options.end() || it->second == "private") return true;
  if (it->second == "inherit") return false;
  return make_error("contender {}: {} option home must be \"private\" or \"inherit\", not \"{}\"",
                    contender.id, runner, it->second);
}

Result<std::filesystem::path> make_private_home(const AgentRequest& request, const std::string& name) {
  if (request.scratch_dir.empty())
    return make_error("no scratch folder for the private HOME of {} (set options.home = "
                      "\"inherit\" to use landed's own HOME)", name);
  const auto home = request.scratch_dir / name;
  std::error_code ec;
  std::filesystem::create_directories(home, ec);
  if (ec) return make_error("could not create {}: {}", home.string(), ec.message());
  return home;
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

Count json_count(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer() || it->get<std::int64_t>() < 0)
    return std::nullopt;
  return it->get<std::int64_t>();
}

Dollars json_dollars(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

std::string json_string(const json& object, const char* key) {
  if (!object.is_object()) return {};
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string exit_text(const ProcessResult& process) {
  if (process.exit_code) return fmt::format("exit status {}", *process.exit_code);
  if (process.signal) return fmt::format("signal {}", *process.signal);
  return "an unknown status";
}

}  // namespace landed
