// See extension_mapping.h.
#include "svc-loans/src/api/extension_mapping.h"

#include "common/rpc/proto_time.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"

namespace huinong::loans {

v1::Extension ExtensionProto(const LoanExtension& e) {
  v1::Extension p;
  p.set_months(e.months);
  *p.mutable_effective_date() = rpc::ToDate(e.effective_date);
  *p.mutable_previous_maturity_date() = rpc::ToDate(e.previous_maturity_date);
  *p.mutable_new_maturity_date() = rpc::ToDate(e.new_maturity_date);
  p.set_reason(e.reason);
  *p.mutable_document() = rpc::ToProto(e.document);
  p.set_policy(rpc::FormatName("countyPolicies", e.policy_id));
  p.set_recorded_by(e.recorded_by);
  *p.mutable_record_time() = rpc::ToTimestamp(e.record_time);
  return p;
}

ExtensionOrder ExtensionOrderFrom(const v1::ExtendLoanRequest& r, rpc::Violations& v) {
  ExtensionOrder order;
  order.loan_id = rpc::ParseName(r.name(), "loans", "name", v);
  order.etag = r.etag();
  if (order.etag.empty()) v.Add("etag", "required: the loan's etag");
  order.months = r.months();
  if (order.months < 1) v.Add("months", "required: at least 1 month to add");
  rpc::CheckText(r.reason(), "reason", 1, 2000, v);
  order.reason = r.reason();
  order.document = rpc::ReadRequiredDocument(r.document(), "document", v);
  return order;
}

}  // namespace huinong::loans
