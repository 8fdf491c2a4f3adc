// Schema migrations: ordered SQL files, applied once, recorded with a
// checksum, under a database lock so that replicas starting together do not
// race.
//
// Guarantees:
// - migrations of one component (e.g. "runtime", "org") apply in version order,
//   each at most once; the applied set is recorded in `schema_migrations`;
// - an applied migration whose text has changed since is refused
//   (FAILED_PRECONDITION, reason MIGRATION_EDITED) — a landed file is never edited;
// - concurrent migrators serialise on GET_LOCK; the loser finds the work done;
// - versions applied in the database but unknown to this binary (a newer replica
//   ran first) are tolerated and logged.
// Files hold statements separated by ';' at the end of a line; DDL commits
// implicitly in MariaDB, so each migration should be safe to re-run after a
// partial failure (CREATE TABLE IF NOT EXISTS, ...).
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace sql {
class Connection;
}

namespace huinong::db {

struct Migration {
  int version;       // from the file name: 0001_init.sql -> 1
  std::string name;  // "0001_init"
  std::string sql;
};

struct MigrationSet {
  std::string component;  // "runtime" for the shared tables, else the service ("org")
  std::vector<Migration> migrations;
};

// SHA-256 of the migration text, lower-case hex.
std::string MigrationChecksum(const std::string& sql);

// Splits a migration file into statements (drops `--` comment lines).
std::vector<std::string> SplitStatements(const std::string& sql);

struct MigrationReport {
  int applied = 0;        // newly applied by this call
  int already = 0;        // found applied with a matching checksum
};

// Applies every set in order on `conn` (a dedicated connection: the lock is
// held by its session).
absl::StatusOr<MigrationReport> ApplyMigrations(sql::Connection& conn,
                                                const std::vector<MigrationSet>& sets,
                                                absl::Duration lock_timeout = absl::Seconds(60));

// The tables every service has (the request log for idempotent retries).
const MigrationSet& RuntimeMigrations();

}  // namespace huinong::db
