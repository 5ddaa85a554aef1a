// Builds a ranked scoreboard from record sources: the one path `landed report` and
// `landed compare` share, streaming every record once.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "results/report/reporter.h"
#include "scoring/aggregate.h"

namespace landed {

struct LoadedScoreboard {
  Scoreboard board;       // ranked
  ReportContext context;  // sources, prices, torn lines
  ReadSummary read;       // what the records reader skipped, over all sources
};

/// Streams every source into one scoreboard (several campaigns pool their attempts).
/// With `reprice`, every record is priced anew with `prices`; otherwise stored costs stand.
/// A large file is read in `shards` parallel parts (0: by size, see default_shards), each
/// into its own builder, merged at the end: the figures do not depend on the shard count.
/// `keep`, when set, selects the records that count (e.g. --task / --contender globs); it is
/// called from several threads at once and must not change state.
using RecordFilter = std::function<bool(const Record&)>;
Result<LoadedScoreboard> load_scoreboard(const std::vector<RecordSource>& sources,
                                         const PriceTable& prices, bool reprice,
                                         int shards = 0, const RecordFilter& keep = {});

/// The same from a builder fed by the caller's own read (publish reads its records once for
/// every page); `read` is what that read counted.
LoadedScoreboard finish_scoreboard(ScoreboardBuilder& builder,
                                   const std::vector<RecordSource>& sources,
                                   const PriceTable& prices, bool reprice, const ReadSummary& read);

}  // namespace landed
