#include "results/report/load.h"

#include "scoring/ranking.h"

namespace landed {

Result<LoadedScoreboard> load_scoreboard(const std::vector<RecordSource>& sources,
                                         const PriceTable& prices, bool reprice) {
  LoadedScoreboard loaded;
  ScoreboardBuilder builder(prices, reprice ? Pricing::kReprice : Pricing::kStored);
  RecordCallback add = [&builder](const Record& record) {
    builder.add(record);
    return ok_status();
  };
  for (const RecordSource& source : sources) {
    LANDED_TRY(ReadSummary summary, read_source(source, add));
    loaded.context.torn_lines += summary.torn_lines;
  }
  loaded.board = builder.finish();
  rank_contenders(loaded.board);
  loaded.context.sources = sources;
  loaded.context.price_source = prices.source;
  loaded.context.repriced = reprice;
  return loaded;
}

}  // namespace landed
