// `landed ingest DIR... [--db FILE]`: campaign folders into the history database.
#include <iostream>
#include <memory>

#include "harness/cli/commands.h"
#include "results/history/history.h"

namespace landed::cli {
namespace {

struct IngestOptions {
  std::vector<std::string> dirs;
  std::string db;
};

Status run_ingest(const IngestOptions& options) {
  std::filesystem::path db_path =
      options.db.empty() ? history::default_history_path(options.dirs.front())
                         : std::filesystem::path(options.db);
  LANDED_TRY(history::History db, history::History::open(db_path, /*create=*/true));
  for (const std::string& dir : options.dirs) {
    Result<history::IngestStats> stats = db.ingest_campaign(dir);
    if (!stats.ok()) return stats.error();
    std::cout << dir << ": campaign " << stats->campaign_id << ": " << stats->inserted
              << " new attempt(s), " << stats->unchanged << " already in the history";
    if (stats->torn_lines) std::cout << ", " << stats->torn_lines << " torn final line skipped";
    std::cout << "\n";
    if (std::string warning = stats->read.warning(); !warning.empty())
      std::cerr << "landed: warning: " << dir << ": " << warning << "\n";
  }
  std::cout << "history: " << db_path.string() << "\n";
  return ok_status();
}

}  // namespace

void register_ingest(CLI::App& app) {
  auto options = std::make_shared<IngestOptions>();
  auto* command = app.add_subcommand(
      "ingest", "Adds campaign folders to the history database (SQLite). Ingesting a campaign "
                "again adds only attempts the history does not hold yet.");
  command->add_option("dirs", options->dirs, "Campaign folders (records.jsonl + campaign.json)")
      ->required();
  command->add_option("--db", options->db,
                      "The history database (default: landed.db in the folder holding the first "
                      "campaign folder)");
  command->footer("Exit status: 0 done, 2 bad usage or input (a malformed record names file:line).");
  command->callback([options] {
    Status status = run_ingest(*options);
    if (!status.ok()) fail_bad_input(status.error().message);
  });
}

}  // namespace landed::cli
