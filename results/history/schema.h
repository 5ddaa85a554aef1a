// The history database's schema as an ordered list of migrations. PRAGMA user_version holds
// how many have run; opening a database runs the rest, each in its own transaction. A new
// schema change is one more entry at the end of the list (never edit an entry that shipped).
#pragma once

#include <string_view>
#include <vector>

#include "results/history/sqlite.h"

namespace landed::history {

struct Migration {
  int version;           // user_version once it ran: 1, 2, ...
  std::string_view sql;  // what it runs
};

const std::vector<Migration>& migrations();
/// The version a database has once every migration ran.
int current_schema_version();

/// Runs every migration above the database's user_version, up to `target` (default: all).
/// A database newer than this landed is an error (it would not understand its rows).
Status migrate(sqlite::Database& db, int target = 0);

}  // namespace landed::history
