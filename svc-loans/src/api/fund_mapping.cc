// See fund_mapping.h.
#include "svc-loans/src/api/fund_mapping.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/proto_time.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/shared_types.h"
#include "common/rpc/validate.h"

namespace huinong::loans {
namespace {

std::string FundName(const std::string& id) { return rpc::FormatName("riskFunds", id); }
std::string TransactionName(const std::string& fund_id, const std::string& id) {
  return absl::StrCat(FundName(fund_id), "/transactions/", id);
}

}  // namespace

v1::RiskFund RiskFundProto(const RiskFund& f) {
  v1::RiskFund out;
  out.set_name(FundName(f.id));
  out.set_county(rpc::FormatName("units", f.county_id));
  out.set_title(f.title);
  out.set_finance_bureau(rpc::FormatName("units", f.finance_bureau_id));
  out.set_poverty_office(rpc::FormatName("units", f.poverty_office_id));
  *out.mutable_balance() = rpc::ToMoney(f.balance_fen);
  *out.mutable_total_contributions() = rpc::ToMoney(f.total_contributions_fen);
  *out.mutable_total_compensations() = rpc::ToMoney(f.total_compensations_fen);
  *out.mutable_total_recoveries() = rpc::ToMoney(f.total_recoveries_fen);
  *out.mutable_create_time() = rpc::ToTimestamp(f.create_time);
  *out.mutable_update_time() = rpc::ToTimestamp(f.update_time);
  out.set_etag(rpc::Etag(f.version));
  return out;
}

void FillLedger(const LedgerCheck& c, v1::RiskFund& out) {
  v1::FundLedger* l = out.mutable_ledger();
  *l->mutable_contributions() = rpc::ToMoney(c.sums.contributions_fen);
  *l->mutable_compensations() = rpc::ToMoney(c.sums.compensations_fen);
  *l->mutable_recoveries() = rpc::ToMoney(c.sums.recoveries_fen);
  *l->mutable_expected_balance() = rpc::ToMoney(c.expected_balance_fen);
  l->set_transaction_count(c.sums.count);
  l->set_balanced(c.balanced);
}

v1::FundTransaction FundTransactionProto(const FundMovement& m) {
  v1::FundTransaction out;
  out.set_name(TransactionName(m.fund_id, m.id));
  out.set_kind(static_cast<v1::FundTransactionKind>(m.kind));
  *out.mutable_amount() = rpc::ToMoney(m.amount_fen);
  *out.mutable_value_date() = rpc::ToDate(m.value_date);
  out.set_reference(m.reference);
  if (!m.claim_id.empty()) out.set_claim(rpc::FormatName("compensationClaims", m.claim_id));
  if (!m.loan_id.empty()) out.set_loan(rpc::FormatName("loans", m.loan_id));
  *out.mutable_balance_after() = rpc::ToMoney(m.balance_after_fen);
  out.set_note(m.note);
  out.set_recorded_by(m.recorded_by);
  *out.mutable_record_time() = rpc::ToTimestamp(m.record_time);
  return out;
}

v1::CompensationClaim ClaimProto(const CompensationClaim& c) {
  v1::CompensationClaim out;
  out.set_name(rpc::FormatName("compensationClaims", c.id));
  out.set_fund(FundName(c.fund_id));
  out.set_loan(rpc::FormatName("loans", c.loan_id));
  *out.mutable_loss() = rpc::ToMoney(c.loss_fen);
  out.set_ratio_bp(c.ratio_bp);
  out.set_policy(rpc::FormatName("countyPolicies", c.policy_id));
  *out.mutable_amount() = rpc::ToMoney(c.amount_fen);
  out.set_state(static_cast<v1::CompensationClaimState>(c.state));
  for (const PartyReview& r : c.reviews) {
    v1::PartyReview* p = out.add_reviews();
    p->set_party(static_cast<v1::ReviewParty>(r.party));
    p->set_approved(r.approved);
    p->set_reviewer(r.reviewer);
    *p->mutable_review_time() = rpc::ToTimestamp(r.review_time);
    p->set_comment(r.comment);
  }
  if (!c.payment_transaction_id.empty()) {
    out.set_payment_transaction(TransactionName(c.fund_id, c.payment_transaction_id));
  }
  *out.mutable_recovered_to_fund() = rpc::ToMoney(c.recovered_to_fund_fen);
  out.set_filed_by(c.filed_by);
  if (c.state == ClaimState::kRejected) {
    out.mutable_rejection()->set_reason(c.rejection_reason);
    out.mutable_rejection()->set_rejected_by(c.rejected_by);
    if (c.reject_time) *out.mutable_rejection()->mutable_reject_time() = rpc::ToTimestamp(*c.reject_time);
  }
  *out.mutable_create_time() = rpc::ToTimestamp(c.create_time);
  *out.mutable_update_time() = rpc::ToTimestamp(c.update_time);
  out.set_etag(rpc::Etag(c.version));
  return out;
}

absl::Status RecordFundChange(server::Mutation& m, const FundChange& change) {
  const std::string unit = rpc::FormatName("units", change.after.county_id);
  const v1::FundTransaction movement = FundTransactionProto(change.movement);
  RETURN_IF_ERROR(m.Record({"fund_transaction", movement.name(), unit, nullptr, &movement}));
  const v1::RiskFund before = RiskFundProto(change.before);
  const v1::RiskFund after = RiskFundProto(change.after);
  return m.Record({"risk_fund", after.name(), unit, &before, &after});
}

absl::Status RecordClaimChange(server::Mutation& m, const std::optional<CompensationClaim>& before,
                               const CompensationClaim& after) {
  const v1::CompensationClaim after_proto = ClaimProto(after);
  std::optional<v1::CompensationClaim> before_proto;
  if (before) before_proto = ClaimProto(*before);
  return m.Record({"compensation_claim", after_proto.name(), rpc::FormatName("units", after.county_id),
                   before_proto ? &*before_proto : nullptr, &after_proto});
}

absl::Status RecordClaimChange(server::Mutation& m, const ClaimChange& change) {
  RETURN_IF_ERROR(RecordClaimChange(m, change.before, change.after));
  for (const FundChange& f : change.fund) RETURN_IF_ERROR(RecordFundChange(m, f));
  return absl::OkStatus();
}

}  // namespace huinong::loans
