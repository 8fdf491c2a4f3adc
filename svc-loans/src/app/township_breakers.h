// The township circuit breaker's use cases (issue 11 item 5, 000:1535), one
// transaction each inside the kit's Mutation: measure a township's NPL
// ratio and trip the breaker, and take a suspended township through its
// rectification plan to the county's lift. The rules — the exact 3.00%
// comparison, the lifecycle, the tolerated ratio after a lift — are the
// pure domain's (township_breaker.h); these load, authorize, apply and
// write, and record one audit event ("township_breaker", "units/{id}") for
// each change of state.
//
// MeasureTownship is what every place that can change a township's ratio
// calls inside its own transaction: the close-of-business job after it
// classifies the loans, a repayment, a write-off (and the MeasureTownship
// RPC for operators). It needs no OrgView: the county is the loans' own.
// The audit event of a trip is recorded through the BreakerRecorder the
// caller passes (the API's RecordBreakerChange, township_breaker_mapping.h:
// audit events carry the API's TownshipStatus, which this layer does not
// know), so every caller audits a trip the same way.
#pragma once

#include <functional>

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/org_directory/org_view.h"
#include "common/server/mutation.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/township_breaker_record.h"

namespace huinong::loans {

// A change of a township's breaker: before (none when never written) and after.
struct BreakerChange {
  std::optional<TownshipBreakerRecord> before;
  TownshipBreakerRecord after;
  bool state_changed = false;  // worth an audit event
};

// Records the audit event of a change (in the change's transaction).
using BreakerRecorder = std::function<absl::Status(server::Mutation&, const BreakerChange&)>;

// Sums the township's ACTIVE loans (by balance, or by count under the
// policy's npl_measure), judges the ratio against the county policy in
// force today (breaker_threshold_bp) with domain Measure, and writes the
// measurement; an OPEN township that reaches the threshold is SUSPENDED
// (the trip is audited, acted by the service). A township with no loans
// outstanding and no record is left unwritten (ratio 0). FAILED_PRECONDITION
// NO_POLICY when the county has no policy in force.
// `record` is called on a trip. `policy_in_force`, when given, is the county
// policy in force today as the caller's transaction has read it already (a
// repayment's replay is classified by it): used when it is the township's
// county's, instead of reading it a second time.
absl::StatusOr<BreakerChange> MeasureTownship(server::Mutation& m, const std::string& township_id,
                                              const BreakerRecorder& record,
                                              const CountyPolicy* policy_in_force = nullptr);

// The county of a TOWNSHIP unit; NOT_FOUND for an unknown unit,
// FAILED_PRECONDITION LEVEL_MISMATCH for another level.
absl::StatusOr<std::string> TownshipCounty(org_directory::OrgView& org, const std::string& township_id);

// The breaker as it stands (an OPEN record never measured when none is written).
absl::StatusOr<TownshipBreakerRecord> CurrentBreaker(sql::Connection& conn, org_directory::OrgView& org,
                                                     const std::string& township_id);

// SUSPENDED → RECTIFYING: `loans.breaker.rectify` for the township (the
// township department, or the county centre for its townships). ABORTED
// STALE_ETAG; FAILED_PRECONDITION INVALID_TRANSITION.
absl::StatusOr<BreakerChange> FileRectificationPlan(server::Mutation& m, org_directory::OrgView& org,
                                                    const std::string& township_id, const std::string& etag,
                                                    RectificationPlan plan);
// RECTIFYING → OPEN: `loans.breaker.approve` for the county, not the plan's
// filer (PERMISSION_DENIED SELF_APPROVAL). Measures the ratio now and lifts
// with it (domain ApproveRectification: a ratio still at the threshold is
// tolerated until it rises).
absl::StatusOr<BreakerChange> ApproveRectification(server::Mutation& m, org_directory::OrgView& org,
                                                   const std::string& township_id, const std::string& etag,
                                                   std::string comment);
// RECTIFYING → SUSPENDED with the reason: as ApproveRectification.
absl::StatusOr<BreakerChange> RejectRectification(server::Mutation& m, org_directory::OrgView& org,
                                                  const std::string& township_id, const std::string& etag,
                                                  std::string reason);

}  // namespace huinong::loans
