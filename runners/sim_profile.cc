#include "runners/sim_profile.h"

#include <algorithm>
#include <cstdlib>
#include <cmath>
#include <functional>

namespace landed {
namespace {

SimProfile base_profile(const std::string& model) {
  SimProfile p;
  if (model.find("frontier") != std::string::npos) {
    p.pass_easy = 0.95, p.pass_medium = 0.8, p.pass_hard = 0.55;
    p.output_per_step = 420, p.reasoning_share = 0.45;
  } else if (model.find("budget") != std::string::npos) {
    p.pass_easy = 0.75, p.pass_medium = 0.45, p.pass_hard = 0.15;
    p.steps_easy = 5, p.steps_medium = 10, p.steps_hard = 16;
    p.output_per_step = 260, p.reasoning_share = 0.1, p.give_up = 0.06;
  }
  return p;
}

/// Higher effort: fewer failures, more steps and more reasoning.
void apply_effort(SimProfile& p, const std::string& effort) {
  double failure = 1.0, work = 1.0, reasoning = 1.0;
  if (effort == "minimal" || effort == "low") failure = 1.35, work = 0.7, reasoning = 0.5;
  if (effort == "high") failure = 0.6, work = 1.5, reasoning = 1.6;
  if (effort == "xhigh" || effort == "max") failure = 0.45, work = 2.0, reasoning = 2.0;
  auto adjust = [failure](double pass) { return std::clamp(1 - (1 - pass) * failure, 0.0, 1.0); };
  p.pass_easy = adjust(p.pass_easy);
  p.pass_medium = adjust(p.pass_medium);
  p.pass_hard = adjust(p.pass_hard);
  p.steps_easy *= work, p.steps_medium *= work, p.steps_hard *= work;
  p.reasoning_share = std::min(0.9, p.reasoning_share * reasoning);
  p.output_per_step *= std::sqrt(work);
}

Status set_option(SimProfile& p, const std::string& key, const std::string& text) {
  const std::map<std::string, double*> fields = {
      {"pass_easy", &p.pass_easy},         {"pass_medium", &p.pass_medium},
      {"pass_hard", &p.pass_hard},         {"steps_easy", &p.steps_easy},
      {"steps_medium", &p.steps_medium},   {"steps_hard", &p.steps_hard},
      {"prompt_tokens", &p.prompt_tokens}, {"context_growth", &p.context_growth},
      {"output_per_step", &p.output_per_step}, {"reasoning_share", &p.reasoning_share},
      {"cache_hit", &p.cache_hit},         {"give_up", &p.give_up}};
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || value < 0)
    return make_error("sim option {} = \"{}\": expected a non-negative number", key, text);
  if (key == "step_delay_ms") {
    p.step_delay_ms = static_cast<int>(value);
    return ok_status();
  }
  auto it = fields.find(key);
  if (it == fields.end()) return make_error("unknown sim option \"{}\"", key);
  *it->second = value;
  return ok_status();
}

}  // namespace

double SimProfile::pass_probability(const std::string& difficulty) const {
  if (difficulty == "easy") return pass_easy;
  if (difficulty == "hard") return pass_hard;
  return pass_medium;
}

double SimProfile::mean_steps(const std::string& difficulty) const {
  if (difficulty == "easy") return steps_easy;
  if (difficulty == "hard") return steps_hard;
  return steps_medium;
}

Result<SimProfile> sim_profile(const std::string& model, const std::string& effort,
                               const std::map<std::string, std::string>& options) {
  SimProfile profile = base_profile(model);
  apply_effort(profile, effort);
  for (const auto& [key, value] : options) LANDED_TRY_STATUS(set_option(profile, key, value));
  return profile;
}

}  // namespace landed
