// See township_breaker_mapping.h.
#include "svc-loans/src/api/township_breaker_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/policy_mapping.h"

namespace huinong::loans {
namespace {

std::string UnitName(const std::string& id) { return rpc::FormatName("units", id); }

int32_t Bp(const NplRatio& r) { return static_cast<int32_t>(RatioBasisPointsFloor(r)); }

v1::RectificationPlan ToProto(const RectificationPlan& p) {
  v1::RectificationPlan out;
  out.set_findings(p.findings);
  out.set_measures(p.measures);
  for (const std::string& i : p.investigators) out.add_investigators(i);
  if (p.target_date) *out.mutable_target_date() = rpc::ToDate(*p.target_date);
  for (const auto& d : p.documents) *out.add_documents() = rpc::ToProto(d);
  out.set_filed_by(p.filed_by);
  *out.mutable_file_time() = rpc::ToTimestamp(p.file_time);
  out.set_approved_by(p.approved_by);
  if (p.approve_time) *out.mutable_approve_time() = rpc::ToTimestamp(*p.approve_time);
  out.set_approval_comment(p.approval_comment);
  if (p.reject_time) {
    out.mutable_rejection()->set_reason(p.rejection_reason);
    out.mutable_rejection()->set_rejected_by(p.rejected_by);
    *out.mutable_rejection()->mutable_reject_time() = rpc::ToTimestamp(*p.reject_time);
  }
  return out;
}

}  // namespace

v1::TownshipStatus ToProto(const TownshipBreakerRecord& r) {
  v1::TownshipStatus out;
  out.set_township(UnitName(r.township_id));
  if (!r.county_id.empty()) out.set_county(UnitName(r.county_id));
  out.set_state(static_cast<v1::TownshipLendingState>(r.breaker.state));
  if (r.measure_time) {
    out.set_measure(static_cast<v1::NplMeasure>(r.measure));
    out.set_npl_ratio_bp(Bp(r.ratio));
    if (r.measure == NplMeasure::kByCount) {
      out.set_npl_count(static_cast<int32_t>(r.ratio.non_performing));
      out.set_outstanding_count(static_cast<int32_t>(r.ratio.outstanding));
    } else {
      *out.mutable_npl_balance() = rpc::ToMoney(r.ratio.non_performing);
      *out.mutable_outstanding_balance() = rpc::ToMoney(r.ratio.outstanding);
    }
    out.set_threshold_bp(r.threshold_bp);
    if (!r.policy_id.empty()) out.set_policy(PolicyName(r.policy_id));
    *out.mutable_evaluate_time() = rpc::ToTimestamp(*r.measure_time);
  }
  if (r.suspend_time) *out.mutable_suspend_time() = rpc::ToTimestamp(*r.suspend_time);
  if (r.suspended_at) out.set_suspended_at_ratio_bp(Bp(*r.suspended_at));
  if (r.plan) *out.mutable_plan() = ToProto(*r.plan);
  if (r.lift_time) *out.mutable_lift_time() = rpc::ToTimestamp(*r.lift_time);
  if (r.breaker.tolerated_ratio) {
    out.set_tolerating(true);
    out.set_tolerated_ratio_bp(Bp(*r.breaker.tolerated_ratio));
  }
  out.set_etag(rpc::Etag(r.version));
  return out;
}

RectificationPlan PlanFromProto(const v1::RectificationPlan& in, const std::string& field, absl::CivilDay today,
                                rpc::Violations& v) {
  RectificationPlan p;
  const std::string at = field + ".";
  rpc::CheckText(in.findings(), at + "findings", 0, 4000, v);
  rpc::CheckText(in.measures(), at + "measures", 1, 4000, v);
  p.findings = in.findings();
  p.measures = in.measures();
  for (int i = 0; i < in.investigators_size(); ++i) {
    rpc::CheckText(in.investigators(i), absl::StrCat(at, "investigators[", i, "]"), 1, 200, v);
    p.investigators.push_back(in.investigators(i));
  }
  if (in.has_target_date()) {
    p.target_date = rpc::FromDate(in.target_date(), at + "target_date", v);
    if (p.target_date && *p.target_date < today) v.Add(at + "target_date", "not before today");
  }
  if (in.documents_size() == 0) v.Add(at + "documents", "required: at least one document of the plan");
  for (int i = 0; i < in.documents_size(); ++i) {
    p.documents.push_back(rpc::ReadRequiredDocument(in.documents(i), absl::StrCat(at, "documents[", i, "]"), v));
  }
  return p;
}

absl::Status RecordBreakerChange(server::Mutation& m, const BreakerChange& c) {
  const v1::TownshipStatus after = ToProto(c.after);
  std::optional<v1::TownshipStatus> before;
  if (c.before) before = ToProto(*c.before);
  return m.Record({"township_breaker", after.township(), after.township(), before ? &*before : nullptr, &after});
}

}  // namespace huinong::loans
