// See loss_mapping.h.
#include "svc-loans/src/api/loss_mapping.h"

#include "common/rpc/proto_time.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/api/enum_mapping.h"

namespace huinong::loans {
namespace {

// A date that is required, read as `field`.
absl::CivilDay RequiredDate(bool present, const type::v1::Date& date, const std::string& field,
                            rpc::Violations& v) {
  if (!present) {
    v.Add(field, "required");
    return absl::CivilDay(1970, 1, 1);
  }
  return rpc::FromDate(date, field, v).value_or(absl::CivilDay(1970, 1, 1));
}

}  // namespace

v1::WriteOff WriteOffProto(const WriteOffRecord& w) {
  v1::WriteOff out;
  out.set_state(static_cast<v1::WriteOffState>(w.state));
  *out.mutable_date() = rpc::ToDate(w.date);
  *out.mutable_principal() = rpc::ToMoney(w.principal_fen);
  *out.mutable_interest() = rpc::ToMoney(w.interest_fen);
  out.set_reason(w.reason);
  for (const domain::DocumentRef& d : w.documents) *out.add_documents() = rpc::ToProto(d);
  out.set_recorded_by(w.requested_by);
  *out.mutable_record_time() = rpc::ToTimestamp(w.request_time);
  out.set_decided_by(w.decided_by);
  if (w.decide_time) *out.mutable_decide_time() = rpc::ToTimestamp(*w.decide_time);
  out.set_decision_comment(w.decision_comment);
  return out;
}

v1::Recovery RecoveryProto(const RecoveryRecord& r) {
  v1::Recovery out;
  out.set_name(rpc::FormatName("loans", r.loan_id) + "/recoveries/" + r.id);
  *out.mutable_amount() = rpc::ToMoney(r.amount_fen);
  *out.mutable_value_date() = rpc::ToDate(r.value_date);
  out.set_source(static_cast<v1::RecoverySource>(r.source));
  out.set_bank_reference(r.bank_reference);
  out.set_note(r.note);
  out.set_malicious_evasion(r.malicious_evasion);
  out.set_closes_case(r.closes_case);
  *out.mutable_fund_share() = rpc::ToMoney(r.fund_share_fen);
  if (!r.fund_transaction_id.empty()) out.set_fund_transaction(r.fund_transaction_id);
  if (!r.blacklist_entry_id.empty()) out.set_blacklist_entry(rpc::FormatName("blacklistEntries", r.blacklist_entry_id));
  out.set_recorded_by(r.recorded_by);
  *out.mutable_record_time() = rpc::ToTimestamp(r.record_time);
  return out;
}

v1::AccountabilityRecord AccountabilityProto(const AccountabilityRecord& a) {
  v1::AccountabilityRecord out;
  out.set_index(a.index);
  out.set_staff(rpc::FormatName("staff", a.staff_id));
  out.set_kind(static_cast<v1::AccountabilityKind>(a.kind));
  out.set_finding(a.finding);
  out.set_decision(a.decision);
  for (const domain::DocumentRef& d : a.documents) *out.add_documents() = rpc::ToProto(d);
  out.set_recorded_by(a.recorded_by);
  *out.mutable_record_time() = rpc::ToTimestamp(a.record_time);
  return out;
}

void FillLoss(const LoanLoss& loss, v1::Loan& out) {
  if (loss.write_off) *out.mutable_write_off() = WriteOffProto(*loss.write_off);
  *out.mutable_compensated() = rpc::ToMoney(loss.CompensatedFen());
  *out.mutable_recovered() = rpc::ToMoney(loss.RecoveredFen());
  out.set_recovery_state(static_cast<v1::RecoveryState>(loss.State()));
  out.clear_accountability();
  for (const AccountabilityRecord& a : loss.accountability) *out.add_accountability() = AccountabilityProto(a);
}

WriteOffOrder ReadWriteOffOrder(const v1::RequestWriteOffRequest& req, rpc::Violations& v) {
  WriteOffOrder order;
  order.loan_id = rpc::ParseName(req.name(), "loans", "name", v);
  order.etag = req.etag();
  order.date = RequiredDate(req.has_date(), req.date(), "date", v);
  rpc::CheckText(req.reason(), "reason", 1, 2000, v);
  order.reason = req.reason();
  if (req.documents().empty()) v.Add("documents", "required: at least the bank's write-off decision");
  for (int i = 0; i < req.documents_size(); ++i) {
    order.documents.push_back(rpc::ReadRequiredDocument(req.documents(i), "documents[" + std::to_string(i) + "]", v));
  }
  return order;
}

RecoveryOrder ReadRecoveryOrder(const v1::RecordRecoveryRequest& req, rpc::Violations& v) {
  RecoveryOrder order;
  order.loan_id = rpc::ParseName(req.name(), "loans", "name", v);
  if (!req.has_recovery()) v.Add("recovery", "required");
  const v1::Recovery& in = req.recovery();
  RecoveryRecord& r = order.recovery;
  r.amount_fen = in.amount().fen();
  if (r.amount_fen <= 0) v.Add("recovery.amount", "required: more than 0 fen");
  r.value_date = RequiredDate(in.has_value_date(), in.value_date(), "recovery.value_date", v);
  r.source = EnumFromProto<RecoverySource>(in.source(), v1::RecoverySource_IsValid, std::nullopt,
                                           "recovery.source", v);
  rpc::CheckText(in.bank_reference(), "recovery.bank_reference", 1, 64, v);
  r.bank_reference = in.bank_reference();
  rpc::CheckText(in.note(), "recovery.note", 0, 2000, v);
  r.note = in.note();
  r.malicious_evasion = in.malicious_evasion();
  r.closes_case = in.closes_case();
  if (r.malicious_evasion) {
    rpc::CheckText(req.evasion_reason(), "evasion_reason", 1, 2000, v);
    if (req.evasion_evidence().empty()) v.Add("evasion_evidence", "required with recovery.malicious_evasion");
  } else if (!req.evasion_reason().empty() || !req.evasion_evidence().empty()) {
    v.Add("evasion_reason", "only with recovery.malicious_evasion");
  }
  order.evasion_reason = req.evasion_reason();
  for (int i = 0; i < req.evasion_evidence_size(); ++i) {
    order.evasion_evidence.push_back(
        rpc::ReadRequiredDocument(req.evasion_evidence(i), "evasion_evidence[" + std::to_string(i) + "]", v));
  }
  return order;
}

AccountabilityRecord ReadAccountability(const v1::AccountabilityRecord& in, rpc::Violations& v) {
  AccountabilityRecord a;
  a.staff_id = rpc::ParseName(in.staff(), "staff", "record.staff", v);
  a.kind = EnumFromProto<AccountabilityKind>(in.kind(), v1::AccountabilityKind_IsValid, std::nullopt,
                                             "record.kind", v);
  rpc::CheckText(in.finding(), "record.finding", 1, 4000, v);
  a.finding = in.finding();
  rpc::CheckText(in.decision(), "record.decision", 0, 2000, v);
  a.decision = in.decision();
  for (int i = 0; i < in.documents_size(); ++i) {
    a.documents.push_back(rpc::ReadDocument(in.documents(i), "record.documents[" + std::to_string(i) + "]", v));
  }
  return a;
}

}  // namespace huinong::loans
