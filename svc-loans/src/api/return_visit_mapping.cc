// See return_visit_mapping.h.
#include "svc-loans/src/api/return_visit_mapping.h"

#include <set>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/enum_mapping.h"

namespace huinong::loans {
namespace {

constexpr int kMaxVisitors = 10;
constexpr int kMaxDocuments = 20;

}  // namespace

ReturnVisit ReturnVisitFrom(const v1::RecordReturnVisitRequest& request, rpc::Violations& v) {
  ReturnVisit out;
  out.loan_id = rpc::ParseName(request.name(), "loans", "name", v);
  if (!request.has_visit()) v.Add("visit", "required");
  const v1::ReturnVisit& in = request.visit();
  if (!in.has_visit_date()) v.Add("visit.visit_date", "required: the day of the visit");
  out.visit_date = rpc::FromDate(in.visit_date(), "visit.visit_date", v).value_or(absl::CivilDay(1970, 1, 1));
  if (in.visitors_size() < 1 || in.visitors_size() > kMaxVisitors) {
    v.Add("visit.visitors", absl::StrCat("required: 1 to ", kMaxVisitors, " staff/{id} who visited"));
  }
  std::set<std::string> seen;
  for (int i = 0; i < in.visitors_size(); ++i) {
    const std::string field = absl::StrCat("visit.visitors[", i, "]");
    const std::string id = rpc::ParseName(in.visitors(i), "staff", field, v);
    if (!id.empty() && !seen.insert(id).second) v.Add(field, "named twice");
    out.visitors.push_back(rpc::FormatName("staff", id));
  }
  rpc::CheckText(in.findings(), "visit.findings", 1, 4000, v);
  out.findings = in.findings();
  out.funds_use = EnumFromProto<FundsUse>(in.funds_use(), v1::FundsUse_IsValid, std::nullopt, "visit.funds_use", v);
  out.production_status = EnumFromProto<ProductionStatus>(in.production_status(), v1::ProductionStatus_IsValid,
                                                          std::nullopt, "visit.production_status", v);
  out.follow_up = in.follow_up();
  if (in.documents_size() > kMaxDocuments) v.Add("visit.documents", absl::StrCat("at most ", kMaxDocuments));
  for (int i = 0; i < in.documents_size(); ++i) {
    out.documents.push_back(rpc::ReadRequiredDocument(in.documents(i), absl::StrCat("visit.documents[", i, "]"), v));
  }
  return out;
}

v1::ReturnVisit ReturnVisitProto(const ReturnVisit& r) {
  v1::ReturnVisit p;
  p.set_name(absl::StrCat(rpc::FormatName("loans", r.loan_id), "/returnVisits/", r.id));
  *p.mutable_visit_date() = rpc::ToDate(r.visit_date);
  for (const std::string& visitor : r.visitors) p.add_visitors(visitor);
  p.set_findings(r.findings);
  p.set_funds_use(static_cast<v1::FundsUse>(r.funds_use));
  p.set_production_status(static_cast<v1::ProductionStatus>(r.production_status));
  p.set_follow_up(r.follow_up);
  for (const domain::DocumentRef& d : r.documents) *p.add_documents() = rpc::ToProto(d);
  p.set_recorded_by(r.recorded_by);
  *p.mutable_record_time() = rpc::ToTimestamp(r.record_time);
  p.set_township(rpc::FormatName("units", r.place.township_id));
  return p;
}

}  // namespace huinong::loans
