// SubprocessRunner::check_start: builds the agent's command for a placeholder task in a
// temporary folder, exactly as an attempt would, and looks its program up on the agent's PATH.
#include <unistd.h>

#include <filesystem>

#include "harness/base/files.h"
#include "harness/process/program_path.h"
#include "runners/subprocess_runner.h"

namespace landed {
namespace {

Task placeholder_task(const std::filesystem::path& dir) {
  Task task;
  task.id = "start-check";
  task.dir = dir;
  task.prompt = "start check";
  return task;
}

/// A relative program with a '/' names a file in the agent's sandbox: only an attempt can tell.
bool sandbox_relative(const std::string& program) {
  return program.find('/') != std::string::npos && !std::filesystem::path(program).is_absolute();
}

}  // namespace

Status SubprocessRunner::check_start(const Contender& contender) const {
  LANDED_TRY(TempDir temp, TempDir::create(std::filesystem::temp_directory_path(), "landed-check-"));
  const auto root = std::filesystem::absolute(temp.path());
  for (const char* sub : {"sandbox", "log", "scratch"})
    LANDED_TRY_STATUS(make_directories(root / sub));
  const Task task = placeholder_task(root);
  SystemProcessRunner processes;
  AgentRequest request{task, contender, root / "sandbox", root / "log", "start-check", "", 0,
                       processes, {}, root / "scratch"};
  LANDED_TRY(AgentCommand command, definition_->command(request));
  LANDED_TRY(auto env, agent_environment(request, command.env));
  if (command.argv.empty() || sandbox_relative(command.argv.front())) return ok_status();
  auto program = resolve_program(command.argv.front(), env, request.sandbox);
  if (!program.ok())
    return make_error("contender {}: {} (install it, or set the contender's command)", contender.id,
                      program.error().message);
  if (::access(program->c_str(), X_OK) != 0 || !std::filesystem::is_regular_file(*program))
    return make_error("contender {}: {} is not an executable file (fix the contender's command)",
                      contender.id, *program);
  return ok_status();
}

}  // namespace landed
