// SQL for county policies (table county_policies, migration 0001). Functions
// run on a connection inside the caller's transaction; Connector/C++
// exceptions are left to the pool, which turns them into statuses. Lists are
// keyset-paginated by id, never OFFSET.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/county_policy.h"

namespace sql {
class Connection;
}

namespace huinong::loans::store {

absl::StatusOr<std::optional<CountyPolicy>> GetPolicy(sql::Connection& conn, const std::string& id,
                                                      bool for_update = false);
// The version in force for `county_id` on `day` (PolicyInForce, in SQL).
absl::StatusOr<std::optional<CountyPolicy>> PolicyOn(sql::Connection& conn, const std::string& county_id,
                                                     absl::CivilDay day);
// The counties whose version in force on `day` names `organisation_id` in
// `role` — where a partner's staff list applications.
absl::StatusOr<std::vector<std::string>> CountiesNaming(sql::Connection& conn, PartnerRole role,
                                                        const std::string& organisation_id, absl::CivilDay day);
// Versions with id > after_id, ordered by id; of one county when `county_id` is set.
absl::StatusOr<std::vector<CountyPolicy>> ListPolicies(sql::Connection& conn, const std::string& county_id,
                                                       const std::string& after_id, int limit);
// ALREADY_EXISTS / POLICY_EXISTS when the county has a version from that day.
absl::Status InsertPolicy(sql::Connection& conn, const CountyPolicy& policy);
// Rewrites the settings and revision of an existing version.
absl::Status UpdatePolicy(sql::Connection& conn, const CountyPolicy& policy);

}  // namespace huinong::loans::store
