// SQL for borrowers (table borrowers, migrations 0002 and 0005). Functions
// run on a connection inside the caller's transaction; Connector/C++
// exceptions are left to the pool. Lists are keyset-paginated by id.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/db/where.h"
#include "svc-loans/src/domain/borrower_record.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

absl::StatusOr<std::optional<Borrower>> GetBorrower(sql::Connection& conn, const std::string& id,
                                                    bool for_update = false);

// Borrowers placed under one unit of the tree: the unit itself (a village,
// or a leading enterprise's township), every village of a township, or
// everything in a county (the columns unit_id, township_id, county_id).
struct PlaceFilter {
  enum class Column { kUnit, kTownship, kCounty };
  Column column = Column::kUnit;
  std::string unit_id;
};
// Adds "<alias>.<column> = ?" for each place (all must hold) to `where`.
void AddPlaces(db::Where& where, const std::vector<PlaceFilter>& places, const std::string& alias);

struct BorrowerQuery {
  std::vector<std::string> unit_ids;  // borrowers of these units; empty: any
  std::vector<PlaceFilter> places;    // every one must hold
  int type = 0;                       // BorrowerType value; 0: any
  std::string id_card_number;         // exact; empty: any
  std::string credit_code;            // exact; empty: any
  std::string display_name_prefix;    // case-insensitive; empty: any
  bool blacklisted_only = false;
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<Borrower>> ListBorrowers(sql::Connection& conn, const BorrowerQuery& query);
// ALREADY_EXISTS / BORROWER_EXISTS when the identity number or credit code is taken.
absl::Status InsertBorrower(sql::Connection& conn, const Borrower& borrower);
// The same ALREADY_EXISTS when an update takes another borrower's number.
absl::Status UpdateBorrower(sql::Connection& conn, const Borrower& borrower);

}  // namespace huinong::loans::store
