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
  if (!result->missing_shards.empty()) {
    std::cerr << "landed: warning: shards missing:";
    for (int k : result->missing_shards) std::cerr << " " << k;
    std::cerr << " (the merged campaign is marked incomplete)\n";
  }
  std::cout << "merged " << dirs.size() << " campaigns, " << result->records << " records, into "
            << args.out << " (campaign " << result->campaign_id << ")\n";
}

}  // namespace

void register_merge(CLI::App& app) {
  auto args = std::make_shared<MergeArguments>();
  auto* command = app.add_subcommand(
      "merge", "Join shard campaigns (landed run --shard K/N) into one campaign folder");
  command->add_option("shards", args->shards, "Shard campaign folders")->required();
  command->add_option("--out,-o", args->out, "The merged campaign folder (must not hold one)")
      ->required();
  command->add_flag("--allow-mixed-versions", args->allow_mixed_versions,
                    "Merge shards scored by different landed versions (refused by default)");
  command->footer("Exit status: 0 merged (missing shards are a warning), 2 bad usage or input "
                  "(different suites or configs, shards scored by different landed "
                  "versions without --allow-mixed-versions, a shard given twice, an attempt "
                  "recorded twice).");
  command->callback([args] { merge(*args); });
}

}  // namespace landed::cli
