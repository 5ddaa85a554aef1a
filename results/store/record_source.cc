#include "results/store/record_source.h"

#include <nlohmann/json.hpp>

#include "harness/base/files.h"

namespace landed {
namespace {

std::string text_at(const nlohmann::json& doc, const char* object, const char* key) {
  const nlohmann::json* node = &doc;
  if (object) {
    auto it = doc.find(object);
    if (it == doc.end() || !it->is_object()) return "";
    node = &*it;
  }
  auto it = node->find(key);
  return it != node->end() && it->is_string() ? it->get<std::string>() : "";
}

}  // namespace

Result<CampaignInfo> parse_campaign_json(std::string_view text, std::string_view origin) {
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object())
    return make_error("{}: not a JSON object", origin);
  CampaignInfo info;
  info.campaign_id = text_at(doc, nullptr, "campaign_id");
  info.suite_name = text_at(doc, "suite", "name");
  info.suite_digest = text_at(doc, "suite", "digest");
  info.started_at = text_at(doc, nullptr, "started_at");
  info.finished_at = text_at(doc, nullptr, "finished_at");
  info.harness_version = text_at(doc, "harness", "version");
  return info;
}

Result<RecordSource> open_record_source(const std::filesystem::path& input) {
  std::error_code ec;
  RecordSource source;
  source.label = input.string();
  if (!std::filesystem::is_directory(input, ec)) {
    if (!std::filesystem::is_regular_file(input, ec))
      return make_error("{}: no such campaign folder or records file", input.string());
    source.records = input;
    return source;
  }
  source.records = input / "records.jsonl";
  if (!std::filesystem::is_regular_file(source.records, ec))
    return make_error("{}: not a campaign folder (no records.jsonl in it)", input.string());
  std::filesystem::path metadata = input / "campaign.json";
  if (std::filesystem::is_regular_file(metadata, ec)) {
    LANDED_TRY(std::string text, read_file(metadata));
    LANDED_TRY(source.campaign, parse_campaign_json(text, metadata.string()));
  }
  return source;
}

Result<ReadSummary> read_source(const RecordSource& source, const RecordCallback& callback,
                                ReadDepth depth) {
  return for_each_record(source.records, callback, depth);
}

}  // namespace landed
