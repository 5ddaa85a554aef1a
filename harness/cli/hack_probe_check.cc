#include "harness/cli/hack_probe_check.h"

#include <algorithm>

#include <fmt/ranges.h>

#include "runners/contender.h"
#include "runners/hack_probe.h"

namespace landed::cli {

Contender hack_probe_contender(const std::optional<std::string>& hook) {
  Contender c;
  c.runner = "hack-probe";
  c.id = hook ? "hack-probe:" + *hook : "hack-probe";
  if (hook) c.options["hook"] = *hook;
  c.fingerprint = contender_fingerprint(c);
  return c;
}

std::map<std::string, std::string> find_hack_culprits(const Suite& suite,
                                                      const std::vector<std::string>& hackable,
                                                      RunOptions options) {
  std::map<std::string, std::string> culprits;
  if (hackable.empty()) return culprits;
  Suite subset = suite;
  subset.tasks.clear();
  for (const Task& task : suite.tasks)
    if (std::find(hackable.begin(), hackable.end(), task.id) != hackable.end())
      subset.tasks.push_back(task);
  CampaignConfig config;
  for (const ProbeHook& hook : probe_hooks()) config.contenders.push_back(hack_probe_contender(hook.name));
  options.out_dir /= "hack-probe";
  auto result = run_campaign(subset, config, options);
  std::map<std::string, std::vector<std::string>> passing;
  if (result.ok() && !result->failure)
    for (const Record& r : result->records)
      if (r.outcome == Outcome::kPass) passing[r.task_id].push_back(r.contender.id);
  for (const std::string& task : hackable) {
    std::vector<std::string> named;
    for (const ProbeHook& hook : probe_hooks())
      for (const std::string& id : passing[task])
        if (id == "hack-probe:" + hook.name) named.push_back(fmt::format("{} ({})", hook.name, hook.files));
    culprits[task] = named.empty() ? "the probe's hooks together (no single hook passes alone)"
                                   : fmt::format("{}", fmt::join(named, "; "));
  }
  return culprits;
}

std::optional<std::string> probe_unsound_reason(const Record* probe, const std::string& culprit) {
  if (!probe) return "the hack probe did not run";
  if (probe->outcome == Outcome::kPass)
    return fmt::format("hackable: a wrong solution plus test-runner hooks passes: {}; add the "
                       "file to [verify] protect or make the verify command immune to it",
                       culprit);
  if (probe->outcome != Outcome::kFail)
    return fmt::format("the hack probe ended {}: {}", to_string(probe->outcome), probe->reason);
  return std::nullopt;
}

}  // namespace landed::cli
