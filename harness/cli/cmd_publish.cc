// `landed publish DIR|DB... --out SITE`: the static leaderboard.
#include <iostream>
#include <memory>

#include "harness/cli/commands.h"
#include "harness/cli/transcripts.h"
#include "landed/version.h"
#include "results/site/publish.h"

namespace landed::cli {
namespace {

struct PublishCommandOptions {
  std::vector<std::string> inputs;
  std::string out;
  std::string title = "Leaderboard";
  std::string prices;
};

Status run_publish(const PublishCommandOptions& options) {
  std::optional<std::filesystem::path> price_file;
  if (!options.prices.empty()) price_file = options.prices;
  LANDED_TRY(PriceTable prices, price_table_with_override(price_file));
  std::vector<RecordSource> sources;
  for (const std::string& input : options.inputs) {
    LANDED_TRY(RecordSource source, open_record_source(input));
    sources.push_back(std::move(source));
  }
  LANDED_TRY(site::SiteData data, site::collect_site_data(sources, prices, price_file.has_value()));
  data.main.context.landed_version = kVersion;
  site::PublishOptions publish;
  publish.out = options.out;
  publish.title = options.title;
  publish.transcripts = priced_transcript_reader(prices);
  LANDED_TRY(site::PublishStats stats, site::publish_site(data, data.main.context, publish));
  std::cout << "published " << stats.files << " files (" << (stats.bytes + 1023) / 1024
            << " KiB): " << std::filesystem::absolute(options.out / std::filesystem::path("index.html")).string()
            << "\n";
  return ok_status();
}

}  // namespace

void register_publish(CLI::App& app) {
  auto options = std::make_shared<PublishCommandOptions>();
  auto* command = app.add_subcommand(
      "publish", "Writes the static leaderboard: HTML pages (leaderboard, cost vs pass rate, one "
                 "page per task with every attempt's transcript, trends, routes of the latest "
                 "campaign) and their JSON data, with no external request.");
  command->add_option("inputs", options->inputs,
                      "Campaign folders, records.jsonl files or history databases (DB or "
                      "DB#CAMPAIGN, DB#latest); several are pooled into one leaderboard")
      ->required();
  command->add_option("--out,-o", options->out, "The site folder (empty, new, or a previous site)")
      ->required();
  command->add_option("--title", options->title, "The leaderboard's heading")->capture_default_str();
  command->add_option("--prices", options->prices,
                      "A price file merged over the built-in prices; re-prices every record");
  command->footer("Exit status: 0 done, 2 bad usage or input.");
  command->callback([options] {
    Status status = run_publish(*options);
    if (!status.ok()) fail_bad_input(status.error().message);
  });
}

}  // namespace landed::cli
