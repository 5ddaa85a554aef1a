// A small owning wrapper over the SQLite C API: a connection and prepared statements whose
// failures come back as Errors naming the database and the call.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "harness/base/error.h"

struct sqlite3;
struct sqlite3_stmt;

namespace landed::sqlite {

class Statement;

class Database {
 public:
  /// Opens (creating when `create`) the database file, with a busy timeout so a writer and a
  /// reader of the same history wait for each other instead of failing.
  static Result<Database> open(const std::filesystem::path& path, bool create);
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  /// Runs one or more statements without results.
  Status exec(std::string_view sql);
  Result<Statement> prepare(std::string_view sql);
  /// PRAGMA user_version.
  Result<int> user_version();
  Status set_user_version(int version);
  std::int64_t changes() const;
  const std::string& path() const { return path_; }
  Error error(std::string_view call) const;

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_ = nullptr;
  std::string path_;
};

/// A prepared statement: bind 1-based parameters, then step() until it returns false.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::optional<double> value);
  Statement& bind(int index, const std::optional<std::string>& text);
  Statement& bind_null(int index);
  /// True while a row is available; false when done; an Error when the step failed.
  Result<bool> step();
  /// Runs to completion (for INSERT/UPDATE) and resets for the next bind.
  Status run();
  void reset();

  std::string text(int column) const;
  std::optional<std::string> nullable_text(int column) const;
  std::string_view view(int column) const;  // valid until the next step
  std::int64_t integer(int column) const;
  std::optional<double> real(int column) const;

 private:
  friend class Database;
  Statement(const Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  const Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK unless commit() ran.
class Transaction {
 public:
  static Result<Transaction> begin(Database& db);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  Status commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
};

}  // namespace landed::sqlite
