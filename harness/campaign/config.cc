#include "harness/campaign/config.h"

#include <cstdlib>
#include <set>

#include <fmt/ranges.h>

#include "harness/campaign/route_config.h"
#include "harness/process/isolation.h"
#include "harness/task/toml_reader.h"
#include "harness/meter/upstream.h"
#include "runners/metering.h"
#include "runners/registry.h"
#include "runners/tool_version.h"

namespace landed {
namespace {

Result<Limits> read_limits(TomlReader& reader, const Limits& defaults) {
  Limits limits = defaults;
  LANDED_TRY(auto wall, reader.optional_number("wall_time_s"));
  LANDED_TRY(auto steps, reader.optional_int("max_steps", 1, 1'000'000'000));
  LANDED_TRY(auto tokens, reader.optional_int("max_tokens", 1, 1'000'000'000'000));
  LANDED_TRY(auto usd, reader.optional_number("max_usd"));
  if (wall && *wall <= 0)
    return reader.error_at("wall_time_s", fmt::format("{} = {} must be positive",
                                                      reader.key_name("wall_time_s"), *wall));
  if (usd && *usd <= 0)
    return reader.error_at("max_usd", fmt::format("{} = {} must be positive",
                                                  reader.key_name("max_usd"), *usd));
  if (wall) limits.wall_time_s = wall;
  if (steps) limits.max_steps = steps;
  if (tokens) limits.max_tokens = tokens;
  if (usd) limits.max_usd = usd;
  return limits;
}

/// Runner options are scalars of any type; they are kept as text.
Result<std::map<std::string, std::string>> read_options(TomlReader& contender) {
  std::map<std::string, std::string> options;
  LANDED_TRY(auto table, contender.optional_table("options"));
  if (!table) return options;
  for (const auto& [key, node] : table->table()) {
    const std::string name(key.str());
    if (node.is_string()) {
      LANDED_TRY(auto text, table->optional_string(name));
      options[name] = *text;
    } else if (node.is_boolean()) {
      LANDED_TRY(auto flag, table->optional_bool(name));
      options[name] = *flag ? "true" : "false";
    } else if (node.is_number()) {
      LANDED_TRY(auto number, table->optional_number(name));
      options[name] = fmt::format("{}", *number);
    } else {
      return table->error_at(name, "options." + name + " must be a string, number or boolean");
    }
  }
  return options;
}

struct ContenderFields {
  std::optional<std::string> name;
  std::string runner;
  std::optional<std::string> model;
  std::vector<std::optional<std::string>> efforts;
};

Result<ContenderFields> read_identity(TomlReader& reader) {
  ContenderFields fields;
  LANDED_TRY(fields.name, reader.optional_string("name"));
  LANDED_TRY(fields.runner, reader.required_string("runner"));
  if (!is_known_runner(fields.runner))
    return reader.error_at("runner", fmt::format("unknown runner \"{}\" (known: {})", fields.runner,
                                                 fmt::join(runner_names(), ", ")));
  LANDED_TRY(fields.model, reader.optional_string("model"));
  LANDED_TRY(auto effort, reader.optional_string("effort"));
  LANDED_TRY(auto efforts, reader.string_list("efforts"));
  if (effort && !efforts.empty())
    return reader.error_at("efforts", "give either effort or efforts, not both");
  if (effort) fields.efforts.push_back(effort);
  for (auto& e : efforts) fields.efforts.push_back(e);
  if (fields.efforts.empty()) fields.efforts.push_back(std::nullopt);
  return fields;
}

/// `network = "none" | "host"`: false for none; unset when the key is absent.
Result<std::optional<bool>> read_network(TomlReader& table) {
  LANDED_TRY(auto network, table.optional_string("network"));
  if (!network) return std::optional<bool>();
  if (*network != "none" && *network != "host")
    return table.error_at("network", fmt::format("network must be \"none\" or \"host\", got \"{}\"",
                                                 *network));
  return std::optional<bool>(*network == "host");
}

/// A command part that is a relative path with a '/' ("./agent.py", "bin/agent") and exists
/// next to the config file is that file, by its absolute path: the agent starts in its
/// sandbox, where the relative path names nothing. Any other part is left as written.
void resolve_command(std::vector<std::string>& command, const std::filesystem::path& config_dir) {
  for (std::string& part : command) {
    const std::filesystem::path path(part);
    if (part.find('/') == std::string::npos || !path.is_relative()) continue;
    std::error_code error;
    const auto beside = (config_dir / path).lexically_normal();
    if (std::filesystem::is_regular_file(beside, error)) part = beside.string();
  }
}

Result<std::vector<Contender>> read_contender(TomlReader& reader, const Limits& defaults,
                                             bool default_network,
                                             const std::filesystem::path& config_dir) {
  LANDED_TRY(ContenderFields fields, read_identity(reader));
  Contender base;
  LANDED_TRY(auto network, read_network(reader));
  base.network = network.value_or(default_network);
  base.runner = fields.runner;
  base.model = fields.model;
  LANDED_TRY(base.command, reader.string_list("command"));
  LANDED_TRY(base.args, reader.string_list("args"));
  LANDED_TRY(base.env, reader.string_map("env"));
  LANDED_TRY(base.env_from, reader.string_map("env_from"));
  LANDED_TRY(base.options, read_options(reader));
  LANDED_TRY(auto provider, reader.optional_string("provider"));
  if (provider) base.provider = *provider;
  LANDED_TRY(base.meter, reader.optional_bool("meter"));
  LANDED_TRY(base.upstream, reader.optional_string("upstream"));
  if (base.upstream) {
    if (auto parsed = parse_upstream(*base.upstream); !parsed.ok())
      return reader.error_at("upstream", parsed.error().message);
  }
  LANDED_TRY(auto limits_table, reader.optional_table("limits"));
  base.limits = defaults;
  if (limits_table) {
    LANDED_TRY(base.limits, read_limits(*limits_table, defaults));
  }
  if (base.runner == "command" && base.command.empty())
    return reader.error_at("command", "runner \"command\" needs command = [\"program\", ...]");
  resolve_command(base.command, config_dir);
  std::vector<Contender> expanded;
  for (const auto& effort : fields.efforts) {
    Contender c = base;
    c.effort = effort;
    // A given name is the row's identity, so changing the effort keeps the row (compare then
    // says "definition changed"); only a list of efforts needs name@effort to tell them apart.
    const bool several = fields.efforts.size() > 1;
    c.id = fields.name ? *fields.name + (several && effort ? "@" + *effort : "")
                       : default_contender_id(c.runner, c.model, c.effort);
    if (Status metered = check_meter_setting(c); !metered.ok())
      return reader.error_at("meter", metered.error().message);
    c.tool_version = probe_tool_version(c);
    c.provider = derive_provider(c);
    c.fingerprint = contender_fingerprint(c);
    expanded.push_back(std::move(c));
  }
  return expanded;
}

Status read_run_section(TomlReader& top, CampaignConfig& config) {
  LANDED_TRY(auto run, top.optional_table("run"));
  if (!run) return ok_status();
  LANDED_TRY(auto repeats, run->optional_int("repeats", 1, 10'000));
  LANDED_TRY(auto jobs, run->optional_int("jobs", 1, 4096));
  LANDED_TRY(config.max_usd, run->optional_number("max_usd"));
  if (config.max_usd && *config.max_usd <= 0)
    return run->error_at("max_usd", fmt::format("run.max_usd = {} must be a positive number of "
                                                "dollars", *config.max_usd));
  LANDED_TRY(auto prices, run->optional_string("prices"));
  if (repeats) config.repeats = static_cast<int>(*repeats);
  if (jobs) config.jobs = static_cast<int>(*jobs);
  if (prices) config.prices = config.file.parent_path() / *prices;
  LANDED_TRY(config.isolation, run->optional_string("isolation"));
  if (config.isolation) {
    if (auto mode = parse_isolation_mode(*config.isolation); !mode.ok())
      return run->error_at("isolation", mode.error().message);
  }
  LANDED_TRY(auto network, read_network(*run));
  config.network = network.value_or(true);
  LANDED_TRY(auto reuse, run->string_list("reuse"));
  for (const auto& dir : reuse) config.reuse.push_back(config.file.parent_path() / dir);
  LANDED_TRY(auto providers, run->optional_table("providers"));
  if (providers) {
    for (const auto& [key, node] : providers->table()) {
      const std::string name(key.str());
      LANDED_TRY(auto limit, providers->optional_int(name, 1, 4096));
      config.provider_limits[name] = static_cast<int>(*limit);
    }
    LANDED_TRY_STATUS(providers->finish());
  }
  return ok_status();
}

Status read_contenders(TomlReader& top, CampaignConfig& config) {
  LANDED_TRY(auto tables, top.table_array("contender"));
  if (tables.empty())
    return make_error("{}: no [[contender]] tables: a campaign needs at least one",
                      config.file.string());
  std::set<std::string> ids;
  for (TomlReader& table : tables) {
    LANDED_TRY(auto contenders,
               read_contender(table, config.default_limits, config.network,
                              std::filesystem::absolute(config.file).parent_path()));
    for (Contender& c : contenders) {
      if (!ids.insert(c.id).second)
        return table.error_at("name", fmt::format("contender id \"{}\" appears twice; give each a "
                                                  "distinct name", c.id));
      config.contenders.push_back(std::move(c));
    }
  }
  return ok_status();
}

}  // namespace

Result<CampaignConfig> load_config(const std::filesystem::path& path) {
  LANDED_TRY(toml::table table, parse_toml_file(path));
  TomlReader top(table, path);
  CampaignConfig config;
  config.file = path;
  LANDED_TRY_STATUS(read_run_section(top, config));
  LANDED_TRY(auto limits, top.optional_table("limits"));
  if (limits) {
    LANDED_TRY(config.default_limits, read_limits(*limits, Limits{}));
  }
  LANDED_TRY_STATUS(read_contenders(top, config));
  LANDED_TRY(config.routes, read_routes(top, config.contenders));
  LANDED_TRY_STATUS(top.finish());
  return config;
}

Status check_secrets_available(const CampaignConfig& config) {
  for (const Contender& c : config.contenders)
    for (const auto& [key, source] : c.env_from)
      if (std::getenv(source.c_str()) == nullptr)
        return make_error("contender {} needs the environment variable {} (for {}); it is not set",
                          c.id, source, key);
  return ok_status();
}

static nlohmann::json limits_json(const Limits& l) {
  auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"wall_time_s", opt(l.wall_time_s)}, {"max_steps", opt(l.max_steps)},
          {"max_tokens", opt(l.max_tokens)},   {"max_usd", opt(l.max_usd)}};
}

nlohmann::json config_to_json(const CampaignConfig& config) {
  nlohmann::json contenders = nlohmann::json::array();
  for (const Contender& c : config.contenders) {
    contenders.push_back({{"id", c.id}, {"runner", c.runner}, {"model", c.model ? *c.model : ""},
                          {"effort", c.effort ? *c.effort : ""}, {"command", c.command},
                          {"args", c.args}, {"env", c.env}, {"env_from", c.env_from},
                          {"options", c.options}, {"limits", limits_json(c.limits)},
                          {"tool_version", c.tool_version ? nlohmann::json(*c.tool_version)
                                                          : nlohmann::json(nullptr)},
                          {"provider", c.provider},
                          {"meter", wants_meter(c)},
                          {"upstream", c.upstream ? nlohmann::json(*c.upstream) : nlohmann::json(nullptr)},
                          {"fingerprint", c.fingerprint}});
  }
  return {{"file", config.file.string()},
          {"repeats", config.repeats ? nlohmann::json(*config.repeats) : nlohmann::json(nullptr)},
          {"max_usd", config.max_usd ? nlohmann::json(*config.max_usd) : nlohmann::json(nullptr)},
          {"providers", config.provider_limits},
          {"contenders", contenders},
          {"routes", routes_to_json(config.routes)}};
}

}  // namespace landed
