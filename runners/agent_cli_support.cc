#include "runners/agent_cli_support.h"

#include <algorithm>
#include <system_error>

#include <fmt/ranges.h>

namespace landed {

using nlohmann::json;

std::vector<std::string> tool_program(const Contender& contender, const std::string& default_program) {
  if (!contender.command.empty()) return contender.command;
  return {default_program};
}

Status check_known_options(const Contender& contender, const std::string& runner,
                           const std::vector<std::string>& known) {
  for (const auto& [key, value] : contender.options)
    if (std::find(known.begin(), known.end(), key) == known.end())
      return make_error("contender {}: unknown {} option \"{}\" (known: {})", contender.id, runner,
                        key, fmt::join(known, ", "));
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

Count json_count(const json& object, const char* key) {
  if (!object.is_object()) return std::nullopt;
  auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer() || it->get<std::int64_t>() < 0)
    return std::nullopt;
  return it->get<std::int64_t>();
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
