// `landed prices check CONFIG`: which contenders of a campaign config have no price, before a
// night is run (a gate for CI: exit 1 while any model is unpriced).
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "harness/campaign/price_check.h"
#include "harness/cli/commands.h"
#include "results/report/text_table.h"

namespace landed::cli {
namespace {

struct PricesCheckOptions {
  std::string config;
  std::string prices;
};

std::string dollars(double per_million) { return fmt::format("${:g}", per_million); }

std::string price_cell(const ContenderPrice& row) {
  if (!row.needs_price) return "no model";
  if (!row.model) return "UNPRICED (no model named)";
  if (!row.price) return "UNPRICED";
  const Price& p = *row.price;
  return fmt::format("{} in · {} cache r · {} cache w · {} out", dollars(p.input),
                     dollars(p.cache_read), dollars(p.cache_write), dollars(p.output));
}

void write_rows(const std::vector<ContenderPrice>& rows, std::ostream& out) {
  TextTable table;
  table.add_column("contender", TextTable::Align::kLeft);
  table.add_column("model", TextTable::Align::kLeft);
  table.add_column("priced as", TextTable::Align::kLeft);
  table.add_column("$ per million tokens", TextTable::Align::kLeft);
  for (const ContenderPrice& row : rows)
    table.add_row({row.contender, row.model.value_or("—"), row.priced_as.value_or("—"),
                   price_cell(row)});
  table.write(out);
}

/// The unpriced contenders and how to price them; nothing when every model has a price.
void write_verdict(const std::vector<ContenderPrice>& rows, std::ostream& out) {
  std::vector<std::string> unpriced;
  for (const ContenderPrice& row : rows)
    if (row.unpriced())
      unpriced.push_back(fmt::format("{} ({})", row.contender, row.model.value_or("no model named")));
  if (unpriced.empty()) {
    out << "\nEvery contender with a model is priced.\n";
    return;
  }
  out << fmt::format("\n{} of {} contender(s) unpriced: {}.\n", unpriced.size(), rows.size(),
                     fmt::join(unpriced, ", "));
  out << "Their attempts would be `unpriced` in every report (never $0). Price them with "
         "--prices FILE (or [run] prices = \"FILE\" in the config; TOML like "
         "scoring/prices.toml, or LiteLLM's JSON), or add them to scoring/prices.toml.\n";
}

void run_prices_check(const PricesCheckOptions& options) {
  auto config = load_config(options.config);
  if (!config.ok()) return fail_bad_input(config.error().message);
  std::optional<std::filesystem::path> override_file;
  if (!options.prices.empty()) override_file = options.prices;
  auto prices = price_table_with_override(campaign_price_file(*config, override_file));
  if (!prices.ok()) return fail_bad_input(prices.error().message);
  std::vector<ContenderPrice> rows = check_contender_prices(*config, *prices);
  std::cout << "prices: " << prices->source << "\n\n";
  write_rows(rows, std::cout);
  write_verdict(rows, std::cout);
  for (const ContenderPrice& row : rows)
    if (row.unpriced()) exit_code() = kExitCheckFailed;
}

}  // namespace

void register_prices(CLI::App& app) {
  auto* prices = app.add_subcommand(
      "prices", "The price table: check that every contender of a campaign config is priced.");
  prices->require_subcommand(1);
  prices->footer("Exit status: 0 done, 1 the check failed (a contender is unpriced), 2 bad "
                 "usage or input. `landed prices check --help` says more.");
  auto options = std::make_shared<PricesCheckOptions>();
  auto* check = prices->add_subcommand(
      "check", "Whether every contender's model in CONFIG has a price (and which), before a "
               "campaign is run: an unpriced model is `unpriced` in every report, never $0.");
  check->add_option("config", options->config, "The campaign config (TOML), as for landed run")
      ->required();
  check->add_option("--prices", options->prices,
                    "A price file (TOML like scoring/prices.toml, or LiteLLM's .json) merged "
                    "over the built-in prices; replaces the config's [run] prices, as in run");
  check->footer("Exit status: 0 done (every contender with a model is priced; noop and oracle "
                "have none), 1 the check failed (some contender is unpriced: a gate before a "
                "night is run), 2 bad usage or input (an unreadable or invalid config or "
                "price file, named with its line).");
  check->callback([options] { run_prices_check(*options); });
}

}  // namespace landed::cli
