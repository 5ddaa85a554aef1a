#include "harness/campaign/resume_check.h"

#include <map>

#include <fmt/ranges.h>

namespace landed {
namespace {

/// The stored definition of contender `id` in campaign.json's config, or null.
nlohmann::json stored_contender(const nlohmann::json& stored_config, const std::string& id) {
  if (!stored_config.is_object() || !stored_config.contains("contenders")) return nullptr;
  const nlohmann::json& list = stored_config["contenders"];
  if (!list.is_array()) return nullptr;
  for (const nlohmann::json& c : list)
    if (c.is_object() && c.value("id", "") == id) return c;
  return nullptr;
}

/// The fields of the definition that differ ("fingerprint" when the stored one is unknown).
std::vector<std::string> changed_fields(const nlohmann::json& before, const nlohmann::json& now) {
  std::vector<std::string> fields;
  if (before.is_object())
    for (const auto& [key, value] : now.items())
      if (key != "fingerprint" && key != "provider" && (!before.contains(key) || before[key] != value))
        fields.push_back(key);
  if (fields.empty()) fields.push_back("fingerprint");
  return fields;
}

}  // namespace

Status check_resume_contenders(const std::vector<Record>& recorded,
                               const nlohmann::json& stored_config, const CampaignConfig& config) {
  std::map<std::string, const Contender*> current;
  for (const Contender& c : config.contenders) current[c.id] = &c;
  const nlohmann::json now = config_to_json(config);
  for (const Record& r : recorded) {
    auto it = current.find(r.contender.id);
    if (it == current.end() || r.contender.fingerprint == it->second->fingerprint)
      continue;
    const nlohmann::json definition = stored_contender(now, r.contender.id);
    const auto fields = changed_fields(stored_contender(stored_config, r.contender.id), definition);
    return make_error("--resume: contender {} changed since its attempts were recorded ({} "
                      "differ); its results would mix two definitions: give the new definition "
                      "another id, or run it into a new --out", r.contender.id,
                      fmt::join(fields, ", "));
  }
  return ok_status();
}

}  // namespace landed
