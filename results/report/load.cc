#include "results/report/load.h"

#include <memory>

#include "results/source/pooled_records.h"
#include "scoring/ranking.h"

namespace landed {
namespace {

/// Reads one source into `builder`, in parallel shards when the file is large.
Result<ReadSummary> read_into(const RecordSource& source, ScoreboardBuilder& builder,
                              const PriceTable& prices, Pricing pricing, int shards,
                              const RecordFilter& keep, PooledRecords& pool) {
  if (source.is_history())
    return read_source(source, [&builder, &keep, &pool](const Record& record) {
      if ((!keep || keep(record)) && pool.counts(record)) builder.add(record);
      return ok_status();
    });
  if (shards <= 0) {
    std::error_code ec;
    std::uintmax_t bytes = std::filesystem::file_size(source.records, ec);
    shards = ec ? 1 : default_shards(bytes);
  }
  std::vector<std::unique_ptr<ScoreboardBuilder>> parts;
  for (int k = 0; k < shards; ++k)
    parts.push_back(std::make_unique<ScoreboardBuilder>(prices, pricing));
  ShardCallback add = [&parts, &keep, &pool](int shard, const Record& record) {
    if ((!keep || keep(record)) && pool.counts(record))
      parts[static_cast<std::size_t>(shard)]->add(record);
    return ok_status();
  };
  LANDED_TRY(ReadSummary summary, for_each_record_sharded(source.records, shards, add));
  for (const auto& part : parts) builder.merge(*part);
  return summary;
}

}  // namespace

Result<LoadedScoreboard> load_scoreboard(const std::vector<RecordSource>& sources,
                                         const PriceTable& prices, bool reprice, int shards,
                                         const RecordFilter& keep) {
  Pricing pricing = reprice ? Pricing::kReprice : Pricing::kStored;
  ScoreboardBuilder builder(prices, pricing);
  ReadSummary read;
  LANDED_TRY(auto pool, pool_records(sources));
  for (const RecordSource& source : sources) {
    LANDED_TRY(ReadSummary summary,
               read_into(source, builder, prices, pricing, shards, keep, *pool));
    read.add(summary);
  }
  return finish_scoreboard(builder, sources, prices, reprice, read);
}

LoadedScoreboard finish_scoreboard(ScoreboardBuilder& builder,
                                   const std::vector<RecordSource>& sources,
                                   const PriceTable& prices, bool reprice, const ReadSummary& read) {
  LoadedScoreboard loaded;
  loaded.context.torn_lines = read.torn_lines;
  loaded.context.quarantined_lines = read.quarantined;
  loaded.context.duplicate_lines = read.duplicates;
  loaded.read = read;
  loaded.board = builder.finish();
  rank_contenders(loaded.board);
  loaded.context.sources = sources;
  loaded.context.price_source =
      reprice ? prices.source : "as recorded, else " + prices.source;
  loaded.context.repriced = reprice;
  loaded.context.prices_as_of = prices.as_of;
  loaded.context.prices_override = prices.override_file;
  return loaded;
}

}  // namespace landed
