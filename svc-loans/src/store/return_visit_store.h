// SQL for post-loan return visits (table return_visits, migration 0014).
// Functions run on a connection inside the caller's transaction (or a read
// handler's connection); Connector/C++ exceptions are left to the pool.
// Lists are keyset-paginated by id on an index that starts with the
// filtered column, as loan lists are (store::LendingQuery's place columns).
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-loans/src/domain/return_visit.h"
#include "svc-loans/src/store/loan_store.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

absl::Status InsertReturnVisit(sql::Connection& conn, const ReturnVisit& visit);

// Which visits: a loan's (`loan_id`), and the place columns of `place`
// (unit, township, county, bank; the other members are ignored), all
// combined with AND; `follow_up_only` keeps those flagged. Ordered by id.
struct ReturnVisitQuery {
  std::string loan_id;
  LendingQuery place;
  bool follow_up_only = false;
};
absl::StatusOr<std::vector<ReturnVisit>> ListReturnVisits(sql::Connection& conn, const ReturnVisitQuery& query);

}  // namespace huinong::loans::store
