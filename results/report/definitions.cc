#include "results/report/definitions.h"

#include <set>

#include "results/model/campaign_metadata.h"

namespace landed {
namespace {

using nlohmann::json;

void add_all(const json& list, std::map<std::string, json>& out) {
  if (!list.is_array()) return;
  for (const json& item : list)
    if (item.is_object() && item.contains("id") && item["id"].is_string())
      out[item["id"].get<std::string>()] = item;
}

json member(const json& object, const std::string& key) {
  return object.is_object() && object.contains(key) ? object.at(key) : json(nullptr);
}

}  // namespace

std::map<std::string, json> campaign_definitions(const std::filesystem::path& input) {
  std::map<std::string, json> out;
  std::error_code error;
  const auto path = input / "campaign.json";
  if (!std::filesystem::is_regular_file(path, error)) return out;
  auto metadata = CampaignMetadata::load(path);
  if (!metadata.ok()) return out;
  add_all(member(metadata->config, "contenders"), out);
  add_all(member(metadata->config, "routes"), out);
  return out;
}

std::vector<std::string> changed_fields(const json& before, const json& after) {
  std::set<std::string> keys;
  for (const json* side : {&before, &after})
    if (side->is_object())
      for (const auto& [key, value] : side->items()) keys.insert(key);
  std::vector<std::string> changed;
  for (const std::string& key : keys) {
    if (key == "id" || key == "fingerprint") continue;
    const json a = member(before, key), b = member(after, key);
    if (a == b) continue;
    if (!a.is_object() || !b.is_object()) {
      changed.push_back(key);
      continue;
    }
    for (const std::string& sub : changed_fields(a, b)) changed.push_back(key + "." + sub);
  }
  if (changed.empty() && member(before, "fingerprint") != member(after, "fingerprint"))
    changed.push_back(before.contains("contenders") ? "a step's definition" : "tool version");
  return changed;
}

}  // namespace landed
