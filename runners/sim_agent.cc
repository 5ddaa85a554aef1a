#include "runners/sim_agent.h"

#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "harness/base/files.h"
#include "runners/sim_profile.h"

namespace landed {
namespace {

using nlohmann::json;

std::string env_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value != nullptr ? std::string(value) : fallback;
}

std::map<std::string, std::string> options_from_env() {
  json parsed = json::parse(env_or("LANDED_SIM_OPTIONS", "{}"), nullptr, false);
  std::map<std::string, std::string> options;
  if (parsed.is_object())
    for (const auto& [key, value] : parsed.items())
      if (value.is_string()) options[key] = value.get<std::string>();
  return options;
}

/// One simulated model call: the context grows each step, most of it read from cache.
json step_event(const SimProfile& p, int step, const std::string& model, std::mt19937_64& rng) {
  std::normal_distribution<double> jitter(1.0, 0.15);
  const double context = p.prompt_tokens + step * p.context_growth * std::max(0.3, jitter(rng));
  const double previous = step == 0 ? 0 : p.prompt_tokens + (step - 1) * p.context_growth;
  const auto cache_read = static_cast<std::int64_t>(previous * p.cache_hit);
  const auto input = static_cast<std::int64_t>(context) - cache_read;
  const auto output = static_cast<std::int64_t>(p.output_per_step * std::max(0.2, jitter(rng)));
  const auto cache_write = static_cast<std::int64_t>(p.context_growth * 0.5);
  return json{{"event", "step"},
              {"model", model},
              {"input_tokens", std::max<std::int64_t>(input, 1)},
              {"cache_read_tokens", cache_read},
              {"cache_write_tokens", cache_write},
              {"output_tokens", output},
              {"reasoning_tokens", static_cast<std::int64_t>(output * p.reasoning_share)},
              {"tool_calls", 1}};
}

/// Comments in the language of the file, so a wrong change still parses.
std::string comment_for(const std::filesystem::path& file) {
  const std::string ext = file.extension().string();
  if (ext == ".py" || ext == ".sh" || ext == ".toml" || ext == ".txt" || ext == ".mk" ||
      file.filename() == "Makefile")
    return "# ";
  if (ext == ".js" || ext == ".mjs" || ext == ".ts" || ext == ".cc" || ext == ".cpp" ||
      ext == ".h" || ext == ".hpp" || ext == ".c")
    return "// ";
  return "";
}

/// A plausible wrong change: the agent edited the files a fix touches, but did not fix them.
Status make_wrong_change(const std::filesystem::path& solution, std::mt19937_64& rng) {
  LANDED_TRY(std::vector<std::string> files, list_files(solution));
  for (const std::string& file : files) {
    const std::string comment = comment_for(file);
    if (comment.empty() || !std::filesystem::exists(file)) continue;
    LANDED_TRY(std::string text, read_file(file));
    const int attempt = static_cast<int>(rng() % 1000);
    text += "\n" + comment + "TODO(sim): attempted fix #" + std::to_string(attempt) +
            " did not address the root cause\n";
    LANDED_TRY_STATUS(write_file(file, text));
    return ok_status();
  }
  return write_file("NOTES.md", "Investigated the issue; no fix found yet.\n");
}

void emit(std::ostream& out, const json& event) { out << event.dump() << std::endl; }

}  // namespace

int run_sim_agent(std::ostream& out) {
  const std::string model = env_or("LANDED_MODEL", "sim");
  auto profile = sim_profile(model, env_or("LANDED_EFFORT", "medium"), options_from_env());
  if (!profile.ok()) {
    emit(out, {{"event", "final"}, {"status", "error"}, {"reason", profile.error().message}});
    return 2;
  }
  std::mt19937_64 rng(std::strtoull(env_or("LANDED_SEED", "1").c_str(), nullptr, 10));
  const std::string difficulty = env_or("LANDED_DIFFICULTY", "medium");
  std::uniform_real_distribution<double> uniform(0, 1);
  const bool solves = uniform(rng) < profile->pass_probability(difficulty);
  const bool gives_up = !solves && uniform(rng) < profile->give_up;
  std::poisson_distribution<int> extra_steps(std::max(0.0, profile->mean_steps(difficulty) - 2));
  const int steps = 2 + extra_steps(rng);
  for (int step = 0; step < steps; ++step) {
    emit(out, step_event(*profile, step, model, rng));
    std::this_thread::sleep_for(std::chrono::milliseconds(profile->step_delay_ms));
  }
  if (gives_up) {
    emit(out, {{"event", "final"}, {"status", "gave_up"}, {"reason", "simulated: could not find the cause"}});
    return 0;
  }
  const std::filesystem::path solution = env_or("LANDED_SIM_SOLUTION_DIR", "");
  Status acted = solves ? overlay_tree(solution, ".") : make_wrong_change(solution, rng);
  if (!acted.ok()) {
    emit(out, {{"event", "final"}, {"status", "error"}, {"reason", acted.error().message}});
    return 1;
  }
  emit(out, {{"event", "final"}, {"status", "done"}, {"model", model}, {"reason", "simulated"}});
  return 0;
}

}  // namespace landed
