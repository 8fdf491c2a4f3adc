// TownshipBreakerService's messages ↔ the breaker's records
// (domain/township_breaker_record.h), and the one audit event of a breaker
// change (resource "township_breaker", "units/{township}", the status
// before and after) that every caller of the use cases records with
// RecordBreakerChange.
#pragma once

#include "common/rpc/status_details.h"
#include "common/server/mutation.h"
#include "huinong/loans/v1/breaker.pb.h"
#include "svc-loans/src/app/township_breakers.h"

namespace huinong::loans {

v1::TownshipStatus ToProto(const TownshipBreakerRecord& r);

// The plan a caller files (output-only fields ignored); every bad field
// named in v under `field`.
RectificationPlan PlanFromProto(const v1::RectificationPlan& in, const std::string& field, absl::CivilDay today,
                                rpc::Violations& v);

absl::Status RecordBreakerChange(server::Mutation& m, const BreakerChange& change);

}  // namespace huinong::loans
