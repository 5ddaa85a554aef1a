#include "runners/subprocess_runner.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "harness/base/files.h"
#include "harness/process/absolute_paths.h"
#include "runners/redact.h"

namespace landed {
namespace {

/// Variables an agent tool commonly needs from landed's own environment.
const std::vector<std::string> kInheritedVariables = {
    "PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "TERM", "TZ", "TMPDIR",
    "SSL_CERT_FILE", "SSL_CERT_DIR", "NODE_EXTRA_CA_CERTS", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
    "XDG_DATA_HOME", "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY",
    "NO_PROXY"};

constexpr double kDefaultAgentTimeoutS = 900;

std::chrono::milliseconds agent_timeout(const AgentRequest& request) {
  double seconds = request.task.agent_timeout_s.value_or(kDefaultAgentTimeoutS);
  if (request.contender.limits.wall_time_s)
    seconds = std::min(seconds, *request.contender.limits.wall_time_s);
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::ceil(seconds * 1000)));
}

std::vector<std::string> secret_values(const AgentRequest& request) {
  std::vector<std::string> secrets;
  for (const auto& [key, source] : request.contender.env_from) {
    const char* value = std::getenv(source.c_str());
    if (value != nullptr && *value != '\0') secrets.emplace_back(value);
  }
  return secrets;
}

AgentResult infra_error(std::string reason) {
  AgentResult result;
  result.status = AgentStatus::kInfraError;
  result.reason = std::move(reason);
  return result;
}

std::string limit_reason(const std::string& limit, const Limits& limits, const Usage& usage) {
  if (limit == "steps")
    return fmt::format("stopped: {} model calls crossed the limit of {}", usage.steps.value_or(0),
                       limits.max_steps.value_or(0));
  if (limit == "tokens")
    return fmt::format("stopped: {} tokens crossed the limit of {}", usage.tokens.total().value_or(0),
                       limits.max_tokens.value_or(0));
  return fmt::format("stopped: cost crossed the limit of ${:.4f}", limits.max_usd.value_or(0));
}

}  // namespace

std::optional<std::string> crossed_limit(const Limits& limits, const Usage& usage,
                                         const std::function<Dollars(const Usage&)>& price) {
  if (limits.max_steps && usage.steps && *usage.steps > *limits.max_steps) return "steps";
  const Count tokens = usage.tokens.total();
  if (limits.max_tokens && tokens && *tokens > *limits.max_tokens) return "tokens";
  if (limits.max_usd && price) {
    const Dollars cost = price(usage);
    if (cost && *cost > *limits.max_usd) return "usd";
  }
  return std::nullopt;
}

Result<std::vector<std::string>> agent_environment(const AgentRequest& request,
                                                   const std::vector<std::string>& extra) {
  std::vector<std::string> added = request.environment;
  for (const auto& [key, value] : request.contender.env) added.push_back(key + "=" + value);
  for (const auto& [key, source] : request.contender.env_from) {
    const char* value = std::getenv(source.c_str());
    if (value == nullptr)
      return make_error("contender {}: environment variable {} (for {}) is not set",
                        request.contender.id, source, key);
    added.push_back(key + "=" + value);
  }
  added.insert(added.end(), extra.begin(), extra.end());
  return make_environment(kInheritedVariables, added);
}

/// The folders an attempt hands its agent, and the path variables the runner made from them.
static Status check_attempt_paths(const AgentRequest& request, const AgentCommand& command) {
  LANDED_TRY_STATUS(check_absolute("the sandbox", request.sandbox));
  LANDED_TRY_STATUS(check_absolute("the log folder", request.log_dir));
  LANDED_TRY_STATUS(check_absolute("the scratch folder", request.scratch_dir));
  return check_path_variables(command.env);
}

AgentResult SubprocessRunner::run(const AgentRequest& request) {
  auto command = definition_->command(request);
  if (!command.ok()) return infra_error("could not build the agent command: " + command.error().message);
  if (Status paths = check_attempt_paths(request, *command); !paths.ok())
    return infra_error("landed bug: " + paths.error().message);
  auto env = agent_environment(request, command->env);
  if (!env.ok()) return infra_error(env.error().message);

  std::unique_ptr<OutputParser> parser = definition_->parser(request);
  std::optional<std::string> limit;
  bool parser_stopped = false;
  ProcessSpec spec;
  spec.argv = command->argv;
  spec.env = std::move(env).value();
  spec.cwd = request.sandbox;
  spec.stdout_path = request.log_dir / "agent.stdout";
  spec.stderr_path = request.log_dir / "agent.stderr";
  spec.timeout = agent_timeout(request);
  spec.sweep_token = request.attempt_token;
  spec.isolation = request.isolation;
  spec.isolation.read_only_paths.insert(spec.isolation.read_only_paths.end(),
                                        command->read_only_paths.begin(),
                                        command->read_only_paths.end());
  spec.stop_fd = request.stop_fd;
  spec.on_stdout_line = [&](std::string_view line) {
    parser->on_line(line);
    limit = crossed_limit(request.contender.limits, parser->usage(), request.price);
    parser_stopped = !limit && parser->wants_stop();
    return !limit && !parser_stopped;
  };

  auto process = request.processes.run(spec);
  redact_files({spec.stdout_path, spec.stderr_path}, secret_values(request));
  if (!process.ok()) return infra_error("could not start the agent: " + process.error().message);

  AgentResult result;
  if (limit) {
    result.status = AgentStatus::kOverBudget;
    result.usage = parser->usage();
    result.limit_hit = limit;
    result.reason = limit_reason(*limit, request.contender.limits, result.usage);
  } else if (process->stopped && !parser_stopped) {
    // The metering proxy refused a call for a limit; the attempt names which one.
    result.status = AgentStatus::kOverBudget;
    result.usage = parser->usage();
    result.limit_hit = "metered";
    result.reason = "stopped: the metering proxy refused a call (a limit was reached)";
  } else if (parser_stopped) {
    result = parser->finish(*process);
  } else if (process->timed_out) {
    result.status = AgentStatus::kTimeout;
    result.usage = parser->usage();
    result.limit_hit = "wall_time";
    result.reason = fmt::format("stopped: the agent ran past its {:.0f} s wall-clock limit",
                                agent_timeout(request).count() / 1000.0);
  } else {
    result = parser->finish(*process);
  }
  result.process = *process;
  result.stdout_path = spec.stdout_path;
  result.stderr_path = spec.stderr_path;
  return result;
}

}  // namespace landed
