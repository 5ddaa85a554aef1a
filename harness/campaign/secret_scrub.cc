#include "harness/campaign/secret_scrub.h"

#include <cstdlib>

#include "runners/redact.h"

namespace landed {
namespace {

void scrub(std::string& text, const std::vector<std::string>& secrets) {
  text = redact(std::move(text), secrets);
}

void scrub(std::optional<std::string>& text, const std::vector<std::string>& secrets) {
  if (text) scrub(*text, secrets);
}

void scrub(std::vector<std::string>& texts, const std::vector<std::string>& secrets) {
  for (std::string& text : texts) scrub(text, secrets);
}

void scrub(Usage& usage, const std::vector<std::string>& secrets) {
  for (ModelUsage& model : usage.by_model) scrub(model.model, secrets);
}

}  // namespace

std::vector<std::string> campaign_secrets(const CampaignConfig& config) {
  std::vector<std::string> secrets;
  for (const Contender& c : config.contenders)
    for (const auto& [key, source] : c.env_from)
      if (const char* value = std::getenv(source.c_str()); value && *value) secrets.emplace_back(value);
  return secrets;
}

Status check_secret_lengths(const CampaignConfig& config) {
  for (const Contender& c : config.contenders)
    for (const auto& [key, source] : c.env_from) {
      const char* value = std::getenv(source.c_str());
      if (value && std::string_view(value).size() < kMinSecretLength)
        return make_error("contender {}: the value of the environment variable {} (env_from {}) "
                          "is shorter than {} characters; landed scrubs env_from values from "
                          "every file it writes and cannot do that safely for so short a value",
                          c.id, source, key, kMinSecretLength);
    }
  return ok_status();
}

void scrub_record(Record& record, const std::vector<std::string>& secrets) {
  if (secrets.empty()) return;
  scrub(record.reason, secrets);
  scrub(record.agent.model_reported, secrets);
  scrub(record.agent.limit_hit, secrets);
  scrub(record.unpriced_models, secrets);
  scrub(record.usage, secrets);
  scrub(record.patch.hidden_test_edits, secrets);
  if (!record.route) return;
  for (RouteStepInfo& step : record.route->steps) {
    scrub(step.reason, secrets);
    scrub(step.escalated_on, secrets);
    scrub(step.usage, secrets);
  }
}

void scrub_folder(const std::filesystem::path& dir, const std::vector<std::string>& secrets) {
  if (secrets.empty()) return;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec))
    if (it->is_regular_file(ec) && !it->is_symlink(ec)) files.push_back(it->path());
  redact_files(files, secrets);
}

}  // namespace landed
