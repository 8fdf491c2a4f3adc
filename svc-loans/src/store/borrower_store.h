// SQL for borrowers (table borrowers, migration 0002). Functions run on a
// connection inside the caller's transaction; Connector/C++ exceptions are
// left to the pool. Lists are keyset-paginated by id.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-loans/src/domain/borrower_record.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

absl::StatusOr<std::optional<Borrower>> GetBorrower(sql::Connection& conn, const std::string& id,
                                                    bool for_update = false);
struct BorrowerQuery {
  std::vector<std::string> unit_ids;  // borrowers of these units; empty: any
  int type = 0;                       // BorrowerType value; 0: any
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<Borrower>> ListBorrowers(sql::Connection& conn, const BorrowerQuery& query);
// ALREADY_EXISTS / BORROWER_EXISTS when the identity number or credit code is taken.
absl::Status InsertBorrower(sql::Connection& conn, const Borrower& borrower);
absl::Status UpdateBorrower(sql::Connection& conn, const Borrower& borrower);

}  // namespace huinong::loans::store
