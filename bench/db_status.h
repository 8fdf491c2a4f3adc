// What the database did during a measurement window: deltas of MariaDB's
// global status counters (statements, prepares, commits, row-lock waits,
// fsyncs), read with the admin account. Divided by the calls of the window
// they say how many round trips and waits one call costs — usually the
// reason a call is as slow as it is.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "bench/raw_insert.h"
#include "common/db/pool.h"

namespace huinong::bench {

// The counters read (SHOW GLOBAL STATUS names).
inline constexpr const char* kDbCounters[] = {"Queries", "Com_stmt_prepare", "Com_commit",
                                              "Innodb_row_lock_waits", "Innodb_row_lock_time",
                                              "Innodb_data_fsyncs"};

class DbStatusMeter {
 public:
  static absl::StatusOr<std::unique_ptr<DbStatusMeter>> Create(const RawDbOptions& options);

  void Start();
  void Stop();
  // Counter -> increase between Start and Stop (empty if a read failed).
  const std::map<std::string, double>& delta() const { return delta_; }

 private:
  explicit DbStatusMeter(std::unique_ptr<db::DbPool> pool) : pool_(std::move(pool)) {}
  absl::StatusOr<std::map<std::string, double>> Read();

  std::unique_ptr<db::DbPool> pool_;
  std::map<std::string, double> start_;
  std::map<std::string, double> delta_;
};

}  // namespace huinong::bench
