// `landed merge DIR... --out DIR`: shard campaigns joined into one campaign folder.
#include <iostream>

#include "harness/campaign/merge.h"
#include "harness/cli/commands.h"

namespace landed::cli {
namespace {

struct MergeArguments {
  std::vector<std::string> shards;
  std::string out;
  bool allow_mixed_versions = false;
};

void merge(const MergeArguments& args) {
  std::vector<std::filesystem::path> dirs(args.shards.begin(), args.shards.end());
  auto result = merge_campaigns(dirs, args.out, MergeOptions{args.allow_mixed_versions});
  if (!result.ok()) return fail_bad_input(result.error().message);
  std::cout << "merged " << dirs.size() << " campaigns, " << result->records << " records, into "
            << args.out << " (campaign " << result->campaign_id << ", " << result->status << ")\n";
  if (!result->incomplete.empty()) {
    std::string why;
    for (const std::string& reason : result->incomplete) why += (why.empty() ? "" : "; ") + reason;
    std::cerr << "landed: the merged campaign is incomplete: " << why << "\n";
    exit_code() = kExitIncomplete;
  }
}

}  // namespace

void register_merge(CLI::App& app) {
  auto args = std::make_shared<MergeArguments>();
  auto* command = app.add_subcommand(
      "merge", "Join shard campaigns (landed run --shard K/N) into one campaign folder. Exit 4 "
               "when records are missing (the merged campaign is marked incomplete)");
  command->add_option("shards", args->shards, "Shard campaign folders")->required();
  command->add_option("--out,-o", args->out, "The merged campaign folder (must not hold one)")
      ->required();
  command->add_flag("--allow-mixed-versions", args->allow_mixed_versions,
                    "Merge shards scored by different landed versions (refused by default)");
  command->footer("Exit status: 0 merged, every planned record present; 2 bad usage or input "
                  "(different suites or configs, shards scored by different landed "
                  "versions without --allow-mixed-versions, a shard given twice, an attempt "
                  "recorded twice, a wrongly typed campaign.json field); 4 merged but records "
                  "are missing (a shard not given, without records.jsonl, ending in a torn "
                  "line, with quarantined lines or fewer records than planned): campaign.json "
                  "says \"incomplete\" and why in incomplete_because.");
  command->callback([args] { merge(*args); });
}

}  // namespace landed::cli
