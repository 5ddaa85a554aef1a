#include "results/model/campaign_metadata.h"

#include <limits>
#include <set>

#include "harness/base/files.h"

namespace landed {
namespace {

using nlohmann::json;

/// Reads typed fields of one JSON object; an error names the file and the dotted field.
class Fields {
 public:
  Fields(const json& object, std::string_view origin, std::string prefix = "")
      : object_(object), origin_(origin), prefix_(std::move(prefix)) {}

  const json* find(const char* key) const {
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
  }

  Error wrong(const char* key, std::string_view expected) const {
    return make_error("{}: field '{}{}' must be {}, not {}", origin_, prefix_, key, expected,
                      describe(*find(key)));
  }

  Status text(const char* key, std::string& out) const {
    const json* v = find(key);
    if (!v) return ok_status();
    if (!v->is_string()) return wrong(key, "a string");
    out = v->get<std::string>();
    return ok_status();
  }

  Status nullable_text(const char* key, std::optional<std::string>& out) const {
    const json* v = find(key);
    if (!v || v->is_null()) return ok_status();
    out.emplace();
    return text(key, *out);
  }

  Status integer(const char* key, std::int64_t& out) const {
    const json* v = find(key);
    if (!v) return ok_status();
    if (v->is_number_unsigned() && v->get<std::uint64_t>() > std::numeric_limits<std::int64_t>::max())
      return wrong(key, "an integer below 2^63");
    if (!v->is_number_integer()) return wrong(key, "an integer");
    out = v->get<std::int64_t>();
    return ok_status();
  }

  Status count(const char* key, std::int64_t& out) const {
    LANDED_TRY_STATUS(integer(key, out));
    if (out < 0) return wrong(key, "zero or more");
    return ok_status();
  }

  Status nullable_count(const char* key, std::optional<std::int64_t>& out) const {
    const json* v = find(key);
    if (!v || v->is_null()) return ok_status();
    out.emplace();
    return count(key, *out);
  }

  Status small_int(const char* key, int& out) const {
    std::int64_t wide = out;
    LANDED_TRY_STATUS(integer(key, wide));
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
      return wrong(key, "a small integer");
    out = static_cast<int>(wide);
    return ok_status();
  }

  Status text_list(const char* key, std::vector<std::string>& out) const {
    const json* v = find(key);
    if (!v) return ok_status();
    if (!v->is_array()) return wrong(key, "a list of strings");
    for (const json& item : *v) {
      if (!item.is_string()) return wrong(key, "a list of strings");
      out.push_back(item.get<std::string>());
    }
    return ok_status();
  }

  /// A list of integers in [low, high] at `key`; absent or null leaves `out` empty.
  Status nullable_int_list(const char* key, std::string_view expected, std::int64_t low,
                           std::int64_t high, std::optional<std::vector<int>>& out) const {
    const json* v = find(key);
    if (!v || v->is_null()) return ok_status();
    if (!v->is_array()) return wrong(key, expected);
    out.emplace();
    for (const json& k : *v) {
      if (!k.is_number_integer() || k.get<std::int64_t>() < low || k.get<std::int64_t>() > high)
        return wrong(key, expected);
      out->push_back(k.get<int>());
    }
    return ok_status();
  }

  /// The object at `key` (absent: an empty object); anything else is an error.
  Result<Fields> object(const char* key) const {
    const json* v = find(key);
    if (!v) return Fields(empty(), origin_, prefix_ + key + ".");
    if (!v->is_object()) return wrong(key, "an object");
    return Fields(*v, origin_, prefix_ + key + ".");
  }

  std::string_view origin() const { return origin_; }
  std::string field(const char* key) const { return prefix_ + key; }

 private:
  static const json& empty() {
    static const json object = json::object();
    return object;
  }
  static std::string describe(const json& v) {
    std::string text = v.dump();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return fmt::format("{} {}", v.type_name(), text);
  }

  const json& object_;
  std::string_view origin_;
  std::string prefix_;
};

Status read_suite(const Fields& top, SuiteInfo& suite) {
  LANDED_TRY(Fields f, top.object("suite"));
  LANDED_TRY_STATUS(f.text("name", suite.name));
  LANDED_TRY_STATUS(f.text("dir", suite.dir));
  LANDED_TRY_STATUS(f.text("digest", suite.digest));
  return f.count("tasks", suite.tasks);
}

Status read_harness(const Fields& top, HarnessInfo& harness) {
  LANDED_TRY(Fields f, top.object("harness"));
  LANDED_TRY_STATUS(f.text("version", harness.version));
  LANDED_TRY_STATUS(f.text("commit", harness.commit));
  if (const json* v = f.find("scoring_version"); v && !v->is_null()) {
    harness.scoring_version.emplace();
    LANDED_TRY_STATUS(f.small_int("scoring_version", *harness.scoring_version));
  }
  return ok_status();
}

Status read_attempts(const Fields& top, std::optional<AttemptCounts>& out) {
  if (!top.find("attempts")) return ok_status();
  LANDED_TRY(Fields f, top.object("attempts"));
  AttemptCounts& a = out.emplace();
  LANDED_TRY_STATUS(f.count("planned", a.planned));
  LANDED_TRY_STATUS(f.count("recorded", a.recorded));
  LANDED_TRY_STATUS(f.count("reused", a.reused));
  LANDED_TRY_STATUS(f.count("run", a.run));
  LANDED_TRY_STATUS(f.nullable_count("ran_this_time", a.ran_this_time));
  LANDED_TRY_STATUS(f.nullable_count("skipped", a.skipped));
  LANDED_TRY_STATUS(f.nullable_count("reused_this_time", a.reused_this_time));
  return f.nullable_count("settled_by_adaptive_repeats", a.settled_by_adaptive_repeats);
}

Status read_options(const Fields& top, const json& doc, CampaignMetadata& m) {
  LANDED_TRY(Fields f, top.object("options"));
  if (doc.contains("options")) m.options = doc.at("options");
  std::int64_t repeats = 0;
  LANDED_TRY_STATUS(f.integer("repeats", repeats));
  const json* shard = f.find("shard");
  if (!shard || shard->is_null()) return ok_status();
  if (!shard->is_string()) return f.wrong("shard", "a string K/N or null");
  Result<Shard> parsed = parse_shard(shard->get<std::string>());
  if (!parsed.ok())
    return make_error("{}: field '{}': {}", f.origin(), f.field("shard"), parsed.error().message);
  m.shard = *parsed;
  return ok_status();
}

Status read_merge(const Fields& f, CampaignMetadata& m) {
  LANDED_TRY_STATUS(f.nullable_text("merged_at", m.merged_at));
  if (const json* from = f.find("merged_from")) {
    if (!from->is_array() && !from->is_null()) return f.wrong("merged_from", "a list");
    m.merged_from = *from;
  }
  LANDED_TRY_STATUS(f.nullable_int_list("missing_shards", "a list of shard numbers", 1, 1 << 20,
                                         m.missing_shards));
  return f.nullable_int_list("scoring_versions", "a list of scoring versions", 0, 1 << 20,
                             m.scoring_versions);
}

const std::set<std::string>& typed_keys() {
  static const std::set<std::string> keys{
      "schema", "campaign_id", "started_at", "finished_at", "resumed_at", "status", "suite",
      "harness", "host", "options", "config", "attempts", "stopped_reason", "merged_at",
      "merged_from", "missing_shards", "scoring_versions"};
  return keys;
}

Result<CampaignMetadata> from_json(const json& doc, std::string_view origin) {
  if (!doc.is_object()) return make_error("{}: not a JSON object", origin);
  Fields f(doc, origin);
  CampaignMetadata m;
  LANDED_TRY_STATUS(f.small_int("schema", m.schema));
  LANDED_TRY_STATUS(f.text("campaign_id", m.campaign_id));
  if (m.campaign_id.empty()) return make_error("{}: no campaign_id: not a campaign metadata file", origin);
  LANDED_TRY_STATUS(f.text("started_at", m.started_at));
  LANDED_TRY_STATUS(f.nullable_text("finished_at", m.finished_at));
  LANDED_TRY_STATUS(f.text_list("resumed_at", m.resumed_at));
  LANDED_TRY_STATUS(f.nullable_text("status", m.status));
  LANDED_TRY_STATUS(read_suite(f, m.suite));
  LANDED_TRY_STATUS(read_harness(f, m.harness));
  LANDED_TRY_STATUS(f.text("host", m.host));
  LANDED_TRY_STATUS(read_options(f, doc, m));
  LANDED_TRY(Fields config, f.object("config"));
  (void)config;
  if (doc.contains("config")) m.config = doc.at("config");
  LANDED_TRY_STATUS(read_attempts(f, m.attempts));
  LANDED_TRY_STATUS(f.nullable_text("stopped_reason", m.stopped_reason));
  LANDED_TRY_STATUS(read_merge(f, m));
  for (const auto& [key, value] : doc.items())
    if (!typed_keys().count(key)) m.extra[key] = value;
  return m;
}

template <class T>
json nullable(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json attempts_json(const AttemptCounts& a) {
  json out{{"planned", a.planned}, {"recorded", a.recorded}, {"reused", a.reused}, {"run", a.run}};
  if (a.ran_this_time) out["ran_this_time"] = *a.ran_this_time;
  if (a.skipped) out["skipped"] = *a.skipped;
  if (a.reused_this_time) out["reused_this_time"] = *a.reused_this_time;
  if (a.settled_by_adaptive_repeats) out["settled_by_adaptive_repeats"] = *a.settled_by_adaptive_repeats;
  return out;
}

}  // namespace

CampaignInfo CampaignMetadata::info() const {
  return {campaign_id, suite.name, suite.digest, started_at, finished_at.value_or(""),
          harness.version};
}

Result<CampaignMetadata> CampaignMetadata::parse(std::string_view text, std::string_view origin) {
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return make_error("{}: not valid JSON", origin);
  return from_json(doc, origin);
}

Result<CampaignMetadata> CampaignMetadata::load(const std::filesystem::path& path) {
  LANDED_TRY(std::string text, read_file(path));
  return parse(text, path.string());
}

json CampaignMetadata::to_json() const {
  json out = extra;
  out["schema"] = schema;
  out["campaign_id"] = campaign_id;
  out["started_at"] = started_at;
  out["finished_at"] = nullable(finished_at);
  out["resumed_at"] = resumed_at;
  if (status) out["status"] = *status;
  out["suite"] = {{"name", suite.name}, {"dir", suite.dir}, {"digest", suite.digest},
                  {"tasks", suite.tasks}};
  out["harness"] = {{"version", harness.version}, {"commit", harness.commit},
                    {"scoring_version", nullable(harness.scoring_version)}};
  out["host"] = host;
  out["options"] = options.is_object() ? options : json::object();
  out["options"]["shard"] = shard ? json(to_string(*shard)) : json(nullptr);
  out["config"] = config;
  if (attempts) out["attempts"] = attempts_json(*attempts);
  if (attempts || stopped_reason) out["stopped_reason"] = nullable(stopped_reason);
  if (merged_at) out["merged_at"] = *merged_at;
  if (!merged_from.is_null()) out["merged_from"] = merged_from;
  if (missing_shards) out["missing_shards"] = *missing_shards;
  if (scoring_versions) out["scoring_versions"] = *scoring_versions;
  return out;
}

Status CampaignMetadata::save(const std::filesystem::path& path) const {
  return write_file_atomic(path, to_json().dump(2) + "\n");
}

}  // namespace landed
