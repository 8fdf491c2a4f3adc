// SQL for interest-subsidy claims (table subsidy_claims, migration 0012).
// Functions run on a connection inside the caller's transaction (or a read
// handler's connection); Connector/C++ exceptions are left to the pool.
// Lists are keyset-paginated by id on an index that starts with the place
// or state filtered, so the notice list (claims IN_NOTICE whose notice ends
// in a range) costs the same at any size.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/subsidy_claim.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

// The claim (FOR UPDATE when `lock`); none when there is no such claim.
absl::StatusOr<std::optional<SubsidyClaimRecord>> GetSubsidyClaim(sql::Connection& conn, const std::string& id,
                                                                 bool lock = false);
// The loan's claims, oldest first (FOR UPDATE when `lock`: an apply locks
// them so two claims of one loan cannot both pass the overlap check).
absl::StatusOr<std::vector<SubsidyClaimRecord>> LoanSubsidyClaims(sql::Connection& conn, const std::string& loan_id,
                                                                  bool lock);
// Whether a claim of the loan was clawed back for a diverted or fraudulent
// loan (the loan has lost the subsidy).
absl::StatusOr<bool> SubsidyForfeited(sql::Connection& conn, const std::string& loan_id);

absl::Status InsertSubsidyClaim(sql::Connection& conn, const SubsidyClaimRecord& claim);
// Rewrites the claim at claim.version (the caller bumped it).
absl::Status UpdateSubsidyClaim(sql::Connection& conn, const SubsidyClaimRecord& claim);

struct SubsidyClaimQuery {
  std::string loan_id;
  std::string borrower_id;
  std::string unit_id;
  std::string township_id;
  std::string county_id;
  std::optional<SubsidyClaimState> state;
  // Claims whose notice ends in [from, to] (either end open when unset).
  std::optional<absl::CivilDay> notice_end_from;
  std::optional<absl::CivilDay> notice_end_to;
  std::string after_id;
  int limit = 50;
};
absl::StatusOr<std::vector<SubsidyClaimRecord>> ListSubsidyClaims(sql::Connection& conn,
                                                                  const SubsidyClaimQuery& query);

// The number of claims in each state (for the metrics), by state value.
absl::StatusOr<std::vector<std::pair<int, int64_t>>> CountSubsidyClaimsByState(sql::Connection& conn);

}  // namespace huinong::loans::store
