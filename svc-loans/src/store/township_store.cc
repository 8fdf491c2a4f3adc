// See township_store.h.
#include "svc-loans/src/store/township_store.h"

#include <cppconn/connection.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>

#include "common/db/sql_columns.h"
#include "common/db/statements.h"

namespace huinong::loans::store {

absl::StatusOr<LendingStatus> TownshipLendingStatus(sql::Connection& conn, const std::string& township_id) {
  db::Statement q = db::Prepare(conn, "SELECT status FROM township_lending WHERE township_id = ? LOCK IN SHARE MODE");
  q->setString(1, township_id);
  std::optional<int> status = db::First(db::Rows<int>(*q, [](sql::ResultSet& rs) { return rs.getInt("status"); }));
  return status ? static_cast<LendingStatus>(*status) : LendingStatus::kOpen;
}

absl::Status SetTownshipLendingStatus(sql::Connection& conn, const std::string& township_id, LendingStatus status,
                                      absl::Time now) {
  db::Statement q = db::Prepare(conn,
      "INSERT INTO township_lending (township_id, status, update_time) VALUES (?, ?, ?)"
      " ON DUPLICATE KEY UPDATE status = VALUES(status), update_time = VALUES(update_time)");
  q->setString(1, township_id);
  q->setInt(2, static_cast<int>(status));
  db::BindTime(*q, 3, now);
  q->executeUpdate();
  return absl::OkStatus();
}

}  // namespace huinong::loans::store
