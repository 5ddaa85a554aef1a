#include "runners/contender.h"

#include <fmt/format.h>

#include "harness/base/sha256.h"

namespace landed {

ContenderInfo Contender::info(bool simulated) const {
  return ContenderInfo{id, runner, model, effort, simulated, fingerprint};
}

std::string default_contender_id(const std::string& runner, const std::optional<std::string>& model,
                                 const std::optional<std::string>& effort) {
  std::string id = runner;
  if (model) id += "/" + *model;
  if (effort) id += "@" + *effort;
  return id;
}

static void hash_optional(Sha256& hash, const std::optional<std::string>& value) {
  hash.update_field(value ? "1" + *value : "0");
}

static void hash_number(Sha256& hash, const std::optional<double>& value) {
  hash.update_field(value ? fmt::format("{:.17g}", *value) : "-");
}

std::string contender_fingerprint(const Contender& c) {
  Sha256 hash;
  hash.update_field("contender/v1");
  hash.update_field(c.runner);
  hash_optional(hash, c.model);
  hash_optional(hash, c.effort);
  for (const auto& part : c.command) hash.update_field("cmd:" + part);
  for (const auto& arg : c.args) hash.update_field("arg:" + arg);
  for (const auto& [key, value] : c.env) hash.update_field("env:" + key + "=" + value);
  // Only the names of secret variables: their values must not influence anything stored.
  for (const auto& [key, source] : c.env_from) hash.update_field("envfrom:" + key + "=" + source);
  for (const auto& [key, value] : c.options) hash.update_field("opt:" + key + "=" + value);
  hash_number(hash, c.limits.wall_time_s);
  hash_number(hash, c.limits.max_steps ? std::optional<double>(*c.limits.max_steps) : std::nullopt);
  hash_number(hash, c.limits.max_tokens ? std::optional<double>(*c.limits.max_tokens) : std::nullopt);
  hash_number(hash, c.limits.max_usd);
  // Absent for runners whose version is unknown: fingerprints made before it existed stay valid.
  if (c.tool_version) hash.update_field("tool:" + *c.tool_version);
  if (c.upstream) hash.update_field("upstream:" + *c.upstream);
  return hash.hex().substr(0, 16);
}

Contender builtin_contender(const std::string& runner) {
  Contender c;
  c.id = runner;
  c.runner = runner;
  c.fingerprint = contender_fingerprint(c);
  return c;
}

}  // namespace landed
