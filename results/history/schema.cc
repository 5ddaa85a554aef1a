#include "results/history/schema.h"

namespace landed::history {
namespace {

// v1: the four tables of the history. An attempt keeps its whole record as JSON (the
// source of truth) plus the columns queries select and join on.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE campaigns (
  campaign_id     TEXT PRIMARY KEY,
  suite_name      TEXT,
  suite_digest    TEXT,
  started_at      TEXT,
  finished_at     TEXT,
  harness_version TEXT,
  metadata_json   TEXT,
  ingested_at     TEXT NOT NULL
);
CREATE TABLE contenders (
  fingerprint TEXT PRIMARY KEY,
  contender_id TEXT NOT NULL,
  runner      TEXT NOT NULL,
  model       TEXT,
  effort      TEXT,
  simulated   INTEGER NOT NULL
);
CREATE TABLE tasks (
  task_id     TEXT NOT NULL,
  task_digest TEXT NOT NULL,
  difficulty  TEXT,
  tags_json   TEXT NOT NULL,
  PRIMARY KEY (task_id, task_digest)
);
CREATE TABLE attempts (
  campaign_id   TEXT NOT NULL REFERENCES campaigns(campaign_id),
  attempt_key   TEXT NOT NULL,
  attempt_id    TEXT NOT NULL,
  task_id       TEXT NOT NULL,
  task_digest   TEXT NOT NULL,
  contender_fingerprint TEXT NOT NULL,
  contender_id  TEXT NOT NULL,
  repeat        INTEGER NOT NULL,
  outcome       TEXT NOT NULL,
  cost_usd      REAL,
  wall_time_s   REAL,
  finished_at   TEXT,
  record_json   TEXT NOT NULL,
  UNIQUE (campaign_id, attempt_key)
);
CREATE INDEX attempts_by_contender ON attempts (contender_id, campaign_id);
)sql";

// v2: where each campaign's folder was when it was ingested, so the site can show the
// patches and verify logs the records point at (their paths are relative to that folder).
constexpr std::string_view kV2 = R"sql(
ALTER TABLE campaigns ADD COLUMN campaign_dir TEXT;
CREATE INDEX attempts_by_task ON attempts (task_id, campaign_id);
)sql";

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list = {{1, kV1}, {2, kV2}};
  return list;
}

int current_schema_version() { return migrations().back().version; }

Status migrate(sqlite::Database& db, int target) {
  if (target <= 0) target = current_schema_version();
  LANDED_TRY(int version, db.user_version());
  if (version > current_schema_version())
    return make_error("{}: history schema version {} is newer than this landed understands ({})",
                      db.path(), version, current_schema_version());
  for (const Migration& migration : migrations()) {
    if (migration.version <= version || migration.version > target) continue;
    LANDED_TRY(sqlite::Transaction transaction, sqlite::Transaction::begin(db));
    Status applied = db.exec(migration.sql);
    if (!applied.ok())
      return applied.error().with_context(fmt::format("migration to version {}", migration.version));
    LANDED_TRY_STATUS(db.set_user_version(migration.version));
    LANDED_TRY_STATUS(transaction.commit());
  }
  return ok_status();
}

}  // namespace landed::history
