#include "results/history/history.h"

#include <cstring>
#include <fstream>

#include <nlohmann/json.hpp>

#include "harness/base/clock.h"
#include "harness/base/files.h"
#include "results/history/schema.h"
#include "results/model/record_json.h"
#include "results/model/campaign_metadata.h"
#include "results/model/record_parser.h"

namespace landed::history {
namespace {

/// The three inserts of one record, prepared once per batch.
struct RecordInserter {
  sqlite::Statement contender, task, attempt;

  static Result<RecordInserter> prepare(sqlite::Database& db) {
    LANDED_TRY(sqlite::Statement contender,
               db.prepare("INSERT OR IGNORE INTO contenders (fingerprint, contender_id, runner, "
                          "model, effort, simulated) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    LANDED_TRY(sqlite::Statement task,
               db.prepare("INSERT OR IGNORE INTO tasks (task_id, task_digest, difficulty, "
                          "tags_json) VALUES (?1, ?2, ?3, ?4)"));
    LANDED_TRY(sqlite::Statement attempt,
               db.prepare("INSERT OR IGNORE INTO attempts (campaign_id, attempt_key, attempt_id, "
                          "task_id, task_digest, contender_fingerprint, contender_id, repeat, "
                          "outcome, cost_usd, wall_time_s, finished_at, record_json) VALUES "
                          "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"));
    return RecordInserter{std::move(contender), std::move(task), std::move(attempt)};
  }

  /// True when the attempt is new.
  Result<bool> insert(sqlite::Database& db, const std::string& campaign_id, const Record& r,
                      std::string_view json_line) {
    const ContenderInfo& c = r.contender;
    // Records written before fingerprints existed still need a key: fall back to the id.
    std::string fingerprint = c.fingerprint.empty() ? "id:" + c.id : c.fingerprint;
    LANDED_TRY_STATUS(contender.bind(1, std::string_view(fingerprint)).bind(2, std::string_view(c.id))
                          .bind(3, std::string_view(c.runner)).bind(4, c.model).bind(5, c.effort)
                          .bind(6, std::int64_t{c.simulated}).run());
    LANDED_TRY_STATUS(task.bind(1, std::string_view(r.task_id)).bind(2, std::string_view(r.task_digest))
                          .bind(3, r.task_difficulty)
                          .bind(4, std::string_view(nlohmann::json(r.task_tags).dump())).run());
    attempt.bind(1, std::string_view(campaign_id)).bind(2, std::string_view(attempt_key(r)))
        .bind(3, std::string_view(r.attempt_id)).bind(4, std::string_view(r.task_id))
        .bind(5, std::string_view(r.task_digest)).bind(6, std::string_view(fingerprint))
        .bind(7, std::string_view(c.id)).bind(8, std::int64_t{r.repeat})
        .bind(9, to_string(r.outcome)).bind(10, r.cost_usd).bind(11, r.wall_time_s)
        .bind(12, std::string_view(r.finished_at)).bind(13, json_line);
    LANDED_TRY_STATUS(attempt.run());
    return db.changes() > 0;
  }
};

struct CampaignFile {
  CampaignInfo info;
  std::string metadata_json;  // empty without campaign.json
};

Result<CampaignFile> read_campaign_file(const std::filesystem::path& dir) {
  CampaignFile file;
  std::filesystem::path path = dir / "campaign.json";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return file;
  LANDED_TRY(file.metadata_json, read_file(path));
  LANDED_TRY(CampaignMetadata metadata, CampaignMetadata::parse(file.metadata_json, path.string()));
  file.info = metadata.info();
  return file;
}

}  // namespace

std::filesystem::path default_history_path(const std::filesystem::path& campaign_dir) {
  std::filesystem::path absolute = std::filesystem::absolute(campaign_dir).lexically_normal();
  if (!absolute.has_filename()) absolute = absolute.parent_path();
  return absolute.parent_path() / "landed.db";
}

bool looks_like_sqlite(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[16] = {};
  in.read(magic, sizeof magic);
  return in.gcount() == 16 && std::memcmp(magic, "SQLite format 3", 16) == 0;
}

Result<History> History::open(const std::filesystem::path& path, bool create) {
  std::error_code ec;
  if (!create && !std::filesystem::is_regular_file(path, ec))
    return make_error("{}: no such history database", path.string());
  if (create && path.has_parent_path()) LANDED_TRY_STATUS(make_directories(path.parent_path()));
  LANDED_TRY(sqlite::Database db, sqlite::Database::open(path, create));
  LANDED_TRY_STATUS(db.exec("PRAGMA journal_mode = WAL"));
  LANDED_TRY_STATUS(migrate(db));
  return History(std::move(db));
}

Status History::upsert_campaign(const CampaignInfo& info, std::string_view metadata_json,
                                const std::string& campaign_dir) {
  // ingested_at keeps its first value, so a second ingest of a finished campaign is a no-op.
  LANDED_TRY(sqlite::Statement stmt, db_.prepare(R"sql(
    INSERT INTO campaigns (campaign_id, suite_name, suite_digest, started_at, finished_at,
                           harness_version, metadata_json, ingested_at, campaign_dir)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
    ON CONFLICT (campaign_id) DO UPDATE SET
      suite_name = coalesce(excluded.suite_name, suite_name),
      suite_digest = coalesce(excluded.suite_digest, suite_digest),
      started_at = coalesce(excluded.started_at, started_at),
      finished_at = coalesce(excluded.finished_at, finished_at),
      harness_version = coalesce(excluded.harness_version, harness_version),
      metadata_json = coalesce(excluded.metadata_json, metadata_json),
      campaign_dir = excluded.campaign_dir
  )sql"));
  auto text_or_null = [](const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
  };
  stmt.bind(1, std::string_view(info.campaign_id)).bind(2, text_or_null(info.suite_name))
      .bind(3, text_or_null(info.suite_digest)).bind(4, text_or_null(info.started_at))
      .bind(5, text_or_null(info.finished_at)).bind(6, text_or_null(info.harness_version))
      .bind(7, text_or_null(std::string(metadata_json))).bind(8, std::string_view(utc_now_iso8601()))
      .bind(9, std::string_view(campaign_dir));
  return stmt.run();
}

Result<IngestStats> History::ingest_campaign(const std::filesystem::path& dir) {
  std::filesystem::path records_path = dir / "records.jsonl";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(records_path, ec))
    return make_error("{}: not a campaign folder (no records.jsonl in it)", dir.string());
  LANDED_TRY(CampaignFile campaign, read_campaign_file(dir));
  IngestStats stats;
  stats.campaign_id = campaign.info.campaign_id;
  std::string absolute_dir = std::filesystem::absolute(dir).lexically_normal().string();
  LANDED_TRY(sqlite::Transaction transaction, sqlite::Transaction::begin(db_));
  LANDED_TRY(RecordInserter inserter, RecordInserter::prepare(db_));
  bool campaign_written = false;
  auto write_campaign = [&]() -> Status {
    campaign_written = true;
    campaign.info.campaign_id = stats.campaign_id;
    return upsert_campaign(campaign.info, campaign.metadata_json, absolute_dir);
  };
  // Streams: one record in memory at a time, whatever the size of the file.
  LANDED_TRY(stats.read, for_each_record_line(records_path, [&](const Record& record,
                                                                std::string_view line) -> Status {
    if (stats.campaign_id.empty()) stats.campaign_id = record.campaign_id;
    if (!campaign_written && !stats.campaign_id.empty()) LANDED_TRY_STATUS(write_campaign());
    LANDED_TRY(bool inserted, inserter.insert(db_, stats.campaign_id, record, line));
    ++(inserted ? stats.inserted : stats.unchanged);
    return ok_status();
  }));
  if (stats.campaign_id.empty())
    return make_error("{}: no campaign id (neither campaign.json nor the records name one)",
                      dir.string());
  if (!campaign_written) LANDED_TRY_STATUS(write_campaign());
  stats.torn_lines = stats.read.torn_lines;
  LANDED_TRY_STATUS(transaction.commit());
  return stats;
}

Status History::add_record(const Record& record, const std::filesystem::path& campaign_dir) {
  CampaignInfo info;
  info.campaign_id = record.campaign_id;
  std::string absolute_dir = std::filesystem::absolute(campaign_dir).lexically_normal().string();
  LANDED_TRY(sqlite::Transaction transaction, sqlite::Transaction::begin(db_));
  LANDED_TRY_STATUS(upsert_campaign(info, "", absolute_dir));
  LANDED_TRY(RecordInserter inserter, RecordInserter::prepare(db_));
  LANDED_TRY(bool inserted, inserter.insert(db_, record.campaign_id, record, to_json_line(record)));
  (void)inserted;
  return transaction.commit();
}

Result<std::vector<CampaignRow>> History::campaigns() {
  LANDED_TRY(sqlite::Statement stmt, db_.prepare(R"sql(
    SELECT c.campaign_id, c.suite_name, c.suite_digest, c.started_at, c.finished_at,
           c.harness_version, c.campaign_dir,
           (SELECT count(*) FROM attempts a WHERE a.campaign_id = c.campaign_id)
    FROM campaigns c ORDER BY coalesce(c.started_at, ''), c.campaign_id
  )sql"));
  std::vector<CampaignRow> rows;
  for (;;) {
    LANDED_TRY(bool row, stmt.step());
    if (!row) break;
    CampaignRow c;
    c.info = {stmt.text(0), stmt.text(1), stmt.text(2), stmt.text(3), stmt.text(4), stmt.text(5)};
    c.campaign_dir = stmt.text(6);
    c.attempts = stmt.integer(7);
    rows.push_back(std::move(c));
  }
  return rows;
}

Result<ReadSummary> History::for_each_record(const std::vector<std::string>& campaign_ids,
                                             const RecordCallback& callback, ReadDepth depth) {
  std::string sql = "SELECT campaign_id, record_json FROM attempts";
  if (!campaign_ids.empty()) {
    sql += " WHERE campaign_id IN (";
    for (std::size_t i = 0; i < campaign_ids.size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
  }
  sql += " ORDER BY rowid";
  LANDED_TRY(sqlite::Statement stmt, db_.prepare(sql));
  for (std::size_t i = 0; i < campaign_ids.size(); ++i)
    stmt.bind(static_cast<int>(i + 1), std::string_view(campaign_ids[i]));
  ReadSummary summary;
  RecordParser parser;
  RecordGate gate;
  Record record;
  for (;;) {
    LANDED_TRY(bool row, stmt.step());
    if (!row) break;
    ++summary.lines;
    const std::string where = fmt::format("{}: attempt row {}", db_.path(), summary.lines);
    if (Status parsed = parser.parse(stmt.view(1), record, depth); !parsed.ok()) {
      // A database written by an older landed may hold a value this one refuses: skip it,
      // as the file reader does, rather than fail the whole report.
      if (parser.fault() != LineFault::kBadValue) return parsed.error().with_context(where);
      ++summary.quarantined;
      RecordGate::note(summary, fmt::format("{}: quarantined: {}", where, parsed.error().message));
      continue;
    }
    record.campaign_id = stmt.text(0);
    if (!gate.first_sighting(record)) {
      ++summary.duplicates;
      RecordGate::note(summary, fmt::format("{}: duplicate of an earlier row for attempt {} "
                                            "(counted once)", where, record.attempt_id));
      continue;
    }
    ++summary.records;
    LANDED_TRY_STATUS(callback(record));
  }
  return summary;
}

}  // namespace landed::history
