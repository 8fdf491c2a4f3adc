// See subsidy_mapping.h.
#include "svc-loans/src/api/subsidy_mapping.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/core/mask.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/borrower_mapping.h"
#include "svc-loans/src/api/policy_mapping.h"

namespace huinong::loans {
namespace {

std::string UnitName(const std::string& id) { return rpc::FormatName("units", id); }

v1::SubsidyStepRecord ToProto(const SubsidyStep& s) {
  v1::SubsidyStepRecord out;
  out.set_decided_by(s.decided_by);
  *out.mutable_decide_time() = rpc::ToTimestamp(s.decide_time);
  out.set_comment(s.comment);
  for (const auto& d : s.documents) *out.add_documents() = rpc::ToProto(d);
  return out;
}

bool BankCardDigits(const std::string& card) {
  return card.size() >= 12 && card.size() <= 19 &&
         std::all_of(card.begin(), card.end(), [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::string SubsidyClaimName(const std::string& id) { return rpc::FormatName("subsidyClaims", id); }

v1::SubsidyClaim ToProto(const SubsidyClaimRecord& r) {
  v1::SubsidyClaim out;
  out.set_name(SubsidyClaimName(r.id));
  out.set_loan(rpc::FormatName("loans", r.loan_id));
  out.set_borrower(BorrowerName(r.borrower_id));
  out.set_township(UnitName(r.township_id));
  *out.mutable_period()->mutable_start() = rpc::ToDate(r.period.start);
  *out.mutable_period()->mutable_end() = rpc::ToDate(r.period.end);
  *out.mutable_interest_paid() = rpc::ToMoney(r.interest_paid_fen);
  for (const auto& d : r.vouchers) *out.add_vouchers() = rpc::ToProto(d);
  out.set_bank_card_number(mask::BankCard(r.bank_card_number));
  for (const SubsidyLine& l : r.computation.lines) {
    v1::SubsidyLine* line = out.add_lines();
    line->set_subsidy_class(static_cast<v1::SubsidyClass>(l.subsidy_class));
    *line->mutable_principal() = rpc::ToMoney(l.principal_fen);
    line->set_days(l.days);
    line->set_rate_bp(l.rate_bp);
    *line->mutable_amount() = rpc::ToMoney(l.amount_fen);
  }
  *out.mutable_amount() = rpc::ToMoney(r.computation.amount_fen);
  out.set_policy(PolicyName(r.policy_id));
  out.set_state(static_cast<v1::SubsidyClaimState>(r.state));
  if (r.township_check) *out.mutable_township_check() = ToProto(*r.township_check);
  if (r.county_review) *out.mutable_county_review() = ToProto(*r.county_review);
  if (r.notice_start_date) *out.mutable_notice_start_date() = rpc::ToDate(*r.notice_start_date);
  if (r.notice_end_date) *out.mutable_notice_end_date() = rpc::ToDate(*r.notice_end_date);
  if (!r.notice.empty()) *out.mutable_notice() = rpc::ToProto(r.notice);
  for (const SubsidyObjection& o : r.objections) {
    v1::SubsidyObjection* x = out.add_objections();
    x->set_index(o.index);
    x->set_objector(o.objector);
    x->set_content(o.content);
    for (const auto& d : o.documents) *x->add_documents() = rpc::ToProto(d);
    x->set_recorded_by(o.recorded_by);
    *x->mutable_record_time() = rpc::ToTimestamp(o.record_time);
    x->set_resolved(o.resolved);
  }
  if (r.payment) {
    v1::SubsidyPayment* p = out.mutable_payment();
    *p->mutable_amount() = rpc::ToMoney(r.payment->amount_fen);
    *p->mutable_paid_date() = rpc::ToDate(r.payment->paid_date);
    p->set_finance_reference(r.payment->finance_reference);
    p->set_paid_by(r.payment->paid_by);
    *p->mutable_record_time() = rpc::ToTimestamp(r.payment->record_time);
  }
  if (r.clawback) {
    v1::SubsidyClawback* c = out.mutable_clawback();
    c->set_category(static_cast<v1::ClawbackCategory>(r.clawback->category));
    *c->mutable_amount() = rpc::ToMoney(r.clawback->amount_fen);
    c->set_finding(r.clawback->finding);
    for (const auto& d : r.clawback->documents) *c->add_documents() = rpc::ToProto(d);
    c->set_recorded_by(r.clawback->recorded_by);
    *c->mutable_record_time() = rpc::ToTimestamp(r.clawback->record_time);
  }
  if (r.rejection) {
    out.mutable_rejection()->set_reason(r.rejection->reason);
    out.mutable_rejection()->set_rejected_by(r.rejection->rejected_by);
    *out.mutable_rejection()->mutable_reject_time() = rpc::ToTimestamp(r.rejection->reject_time);
  }
  *out.mutable_create_time() = rpc::ToTimestamp(r.create_time);
  *out.mutable_update_time() = rpc::ToTimestamp(r.update_time);
  out.set_etag(rpc::Etag(r.version));
  return out;
}

std::vector<domain::DocumentRef> DocumentsFromProto(
    const google::protobuf::RepeatedPtrField<type::v1::DocumentRef>& documents, const std::string& field,
    rpc::Violations& v) {
  std::vector<domain::DocumentRef> out;
  for (int i = 0; i < documents.size(); ++i) {
    out.push_back(rpc::ReadRequiredDocument(documents[i], absl::StrCat(field, "[", i, "]"), v));
  }
  return out;
}

SubsidyApplication ApplicationFromProto(const v1::SubsidyClaim& in, rpc::Violations& v) {
  SubsidyApplication a;
  a.loan_id = rpc::ParseName(in.loan(), "loans", "claim.loan", v);
  const std::optional<absl::CivilDay> start = rpc::FromDate(in.period().start(), "claim.period.start", v);
  const std::optional<absl::CivilDay> end = rpc::FromDate(in.period().end(), "claim.period.end", v);
  if (!in.period().has_start()) v.Add("claim.period.start", "required: the first day claimed");
  if (!in.period().has_end()) v.Add("claim.period.end", "required: the last day claimed");
  if (start && end && *end < *start) v.Add("claim.period.end", "not before claim.period.start");
  a.period = {start.value_or(absl::CivilDay(1970, 1, 1)), end.value_or(absl::CivilDay(1970, 1, 1))};
  a.interest_paid_fen = in.interest_paid().fen();
  if (a.interest_paid_fen <= 0) v.Add("claim.interest_paid", "required: more than 0 fen, as the vouchers show");
  if (in.vouchers_size() == 0) v.Add("claim.vouchers", "required: at least one payment voucher");
  a.vouchers = DocumentsFromProto(in.vouchers(), "claim.vouchers", v);
  if (!BankCardDigits(in.bank_card_number())) v.Add("claim.bank_card_number", "required, 12–19 digits");
  a.bank_card_number = in.bank_card_number();
  return a;
}

SubsidyStep StepFromProto(const std::string& comment,
                          const google::protobuf::RepeatedPtrField<type::v1::DocumentRef>& documents,
                          rpc::Violations& v) {
  SubsidyStep s;
  rpc::CheckText(comment, "comment", 0, 2000, v);
  s.comment = comment;
  s.documents = DocumentsFromProto(documents, "documents", v);
  return s;
}

absl::Status RecordSubsidyChange(server::Mutation& m, const SubsidyChange& c) {
  const v1::SubsidyClaim after = ToProto(c.after);
  std::optional<v1::SubsidyClaim> before;
  if (c.before) before = ToProto(*c.before);
  return m.Record({"subsidy_claim", after.name(), UnitName(c.after.unit_id), before ? &*before : nullptr, &after});
}

}  // namespace huinong::loans
