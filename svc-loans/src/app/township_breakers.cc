// See township_breakers.h. Every change locks the township's row (FOR
// UPDATE; a never-written township locks the gap where its row goes), so a
// measurement and a plan or a lift on the same township run one after the
// other, and lending steps (whose guard reads the row in share mode) wait
// for either.
#include "svc-loans/src/app/township_breakers.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/app/application_load.h"
#include "svc-loans/src/store/township_store.h"

namespace huinong::loans {
namespace {

std::string TownshipName(const std::string& id) { return absl::StrCat("units/", id); }

// The never-written record of an open township.
TownshipBreakerRecord Fresh(const std::string& township_id, const std::string& county_id) {
  TownshipBreakerRecord r;
  r.township_id = township_id;
  r.county_id = county_id;
  return r;
}

absl::StatusOr<TownshipBreakerRecord> LockBreaker(server::Mutation& m, const std::string& township_id,
                                                  const std::string& county_id) {
  ASSIGN_OR_RETURN(std::optional<TownshipBreakerRecord> r, store::LoadTownshipBreaker(m.tx(), township_id, true));
  return r ? *std::move(r) : Fresh(township_id, county_id);
}

// The ratio now and what it is judged by: the county policy in force today.
struct Measurement {
  NplRatio ratio;
  NplMeasure measure = NplMeasure::kByBalance;
  int threshold_bp = 0;
  std::string policy_id;
};

// `known`: the policy in force today if the caller has it (MeasureTownship).
absl::StatusOr<Measurement> MeasureNow(server::Mutation& m, const std::string& township_id,
                                       const std::string& county_id, const CountyPolicy* known = nullptr) {
  ASSIGN_OR_RETURN(const store::TownshipExposure exposure, store::LoadTownshipExposure(m.tx(), township_id));
  std::optional<CountyPolicy> read;
  if (known == nullptr || known->county_id != county_id) {
    ASSIGN_OR_RETURN(read, LoadPolicyInForce(m.tx(), county_id, m.today()));
  }
  const CountyPolicy& policy = read ? *read : *known;
  return Measurement{TownshipNplRatio(exposure.loans, policy.npl_measure), policy.npl_measure,
                     policy.breaker_threshold_bp, policy.id};
}

void Note(TownshipBreakerRecord& r, const Measurement& now, absl::Time at) {
  r.ratio = now.ratio;
  r.measure = now.measure;
  r.threshold_bp = now.threshold_bp;
  r.policy_id = now.policy_id;
  r.measure_time = at;
}

absl::StatusOr<BreakerChange> Save(server::Mutation& m, std::optional<TownshipBreakerRecord> before,
                                   TownshipBreakerRecord after) {
  after.update_time = m.now();
  const bool changed = !before || before->breaker.state != after.breaker.state;
  // Reports read the state on past days from this history (domain/report.h).
  if (changed) after.history.push_back({after.breaker.state, m.now()});
  RETURN_IF_ERROR(store::SaveTownshipBreaker(m.tx(), after));
  return BreakerChange{std::move(before), std::move(after), changed};
}

// Opens a plan step: the county, the capability, the locked record, its etag.
absl::StatusOr<TownshipBreakerRecord> OpenPlanStep(server::Mutation& m, org_directory::OrgView& org,
                                                   const std::string& township_id, const std::string& etag,
                                                   absl::string_view capability, bool for_county) {
  ASSIGN_OR_RETURN(const std::string county_id, TownshipCounty(org, township_id));
  RETURN_IF_ERROR(RequireCapability(org, m.caller(), capability, for_county ? county_id : township_id, m.today()));
  ASSIGN_OR_RETURN(TownshipBreakerRecord r, LockBreaker(m, township_id, county_id));
  RETURN_IF_ERROR(rpc::CheckEtag(etag, r.version, TownshipName(township_id)));
  return r;
}

absl::Status NotFiler(const server::Mutation& m, const TownshipBreakerRecord& r) {
  if (r.plan && r.plan->filed_by == m.caller().subject) {
    return rpc::WithReason(rpc::PermissionDenied(absl::StrCat(m.caller().subject, " filed the plan of ",
                                                              TownshipName(r.township_id),
                                                              "; another county officer decides it")),
                           "SELF_APPROVAL");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::string> TownshipCounty(org_directory::OrgView& org, const std::string& township_id) {
  ASSIGN_OR_RETURN(const UnitLineage place, org.Lineage(township_id));
  const org_directory::UnitLink* county = place.Nearest(type::v1::LEVEL_COUNTY);
  if (place.unit().level != type::v1::LEVEL_TOWNSHIP || county == nullptr) {
    return rpc::FailedPrecondition("LEVEL_MISMATCH",
                                   absl::StrCat(TownshipName(township_id), " is not a township of a county"));
  }
  return county->id;
}

absl::StatusOr<TownshipBreakerRecord> CurrentBreaker(sql::Connection& conn, org_directory::OrgView& org,
                                                     const std::string& township_id) {
  ASSIGN_OR_RETURN(const std::string county_id, TownshipCounty(org, township_id));
  ASSIGN_OR_RETURN(std::optional<TownshipBreakerRecord> r, store::LoadTownshipBreaker(conn, township_id, false));
  return r ? *std::move(r) : Fresh(township_id, county_id);
}

absl::StatusOr<BreakerChange> MeasureTownship(server::Mutation& m, const std::string& township_id,
                                              const BreakerRecorder& record, const CountyPolicy* policy_in_force) {
  ASSIGN_OR_RETURN(std::optional<TownshipBreakerRecord> before,
                   store::LoadTownshipBreaker(m.tx(), township_id, true));
  std::string county_id = before ? before->county_id : "";
  if (county_id.empty()) {
    ASSIGN_OR_RETURN(const store::TownshipExposure exposure, store::LoadTownshipExposure(m.tx(), township_id));
    county_id = exposure.county_id;
  }
  if (county_id.empty()) {  // no record and nothing lent: open, ratio 0
    return BreakerChange{std::nullopt, Fresh(township_id, ""), false};
  }
  ASSIGN_OR_RETURN(const Measurement now, MeasureNow(m, township_id, county_id, policy_in_force));
  TownshipBreakerRecord after = before ? *before : Fresh(township_id, county_id);
  after.county_id = county_id;
  const BreakerMeasurement judged = Measure(after.breaker, now.ratio, now.threshold_bp);
  after.breaker = judged.after;
  Note(after, now, m.now());
  if (judged.tripped) {
    after.suspend_time = m.now();
    after.suspended_at = now.ratio;
  }
  ASSIGN_OR_RETURN(BreakerChange change, Save(m, std::move(before), std::move(after)));
  change.state_changed = judged.tripped;
  if (judged.tripped) RETURN_IF_ERROR(record(m, change));
  return change;
}

absl::StatusOr<BreakerChange> FileRectificationPlan(server::Mutation& m, org_directory::OrgView& org,
                                                    const std::string& township_id, const std::string& etag,
                                                    RectificationPlan plan) {
  ASSIGN_OR_RETURN(TownshipBreakerRecord r,
                   OpenPlanStep(m, org, township_id, etag, "loans.breaker.rectify", /*for_county=*/false));
  const TownshipBreakerRecord before = r;
  ASSIGN_OR_RETURN(r.breaker, loans::FileRectificationPlan(r.breaker));
  plan.filed_by = m.caller().subject;
  plan.file_time = m.now();
  r.plan = std::move(plan);
  return Save(m, before, std::move(r));
}

absl::StatusOr<BreakerChange> ApproveRectification(server::Mutation& m, org_directory::OrgView& org,
                                                   const std::string& township_id, const std::string& etag,
                                                   std::string comment) {
  ASSIGN_OR_RETURN(TownshipBreakerRecord r,
                   OpenPlanStep(m, org, township_id, etag, "loans.breaker.approve", /*for_county=*/true));
  const TownshipBreakerRecord before = r;
  RETURN_IF_ERROR(BreakerLifecycle().Next(r.breaker.state, BreakerEvent::kApproveRectification).status());
  RETURN_IF_ERROR(NotFiler(m, r));
  ASSIGN_OR_RETURN(const Measurement now, MeasureNow(m, township_id, r.county_id));
  ASSIGN_OR_RETURN(r.breaker, loans::ApproveRectification(r.breaker, now.ratio, now.threshold_bp));
  Note(r, now, m.now());
  r.plan->approved_by = m.caller().subject;
  r.plan->approve_time = m.now();
  r.plan->approval_comment = std::move(comment);
  r.lift_time = m.now();
  return Save(m, before, std::move(r));
}

absl::StatusOr<BreakerChange> RejectRectification(server::Mutation& m, org_directory::OrgView& org,
                                                  const std::string& township_id, const std::string& etag,
                                                  std::string reason) {
  ASSIGN_OR_RETURN(TownshipBreakerRecord r,
                   OpenPlanStep(m, org, township_id, etag, "loans.breaker.approve", /*for_county=*/true));
  const TownshipBreakerRecord before = r;
  RETURN_IF_ERROR(BreakerLifecycle().Next(r.breaker.state, BreakerEvent::kRejectPlan).status());
  RETURN_IF_ERROR(NotFiler(m, r));
  ASSIGN_OR_RETURN(r.breaker, RejectRectificationPlan(r.breaker));
  r.plan->rejected_by = m.caller().subject;
  r.plan->reject_time = m.now();
  r.plan->rejection_reason = std::move(reason);
  return Save(m, before, std::move(r));
}

}  // namespace huinong::loans
