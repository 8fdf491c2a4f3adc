// See compensation_claim.h.
#include "svc-loans/src/domain/compensation_claim.h"

namespace huinong::loans {

absl::string_view ClaimStateName(ClaimState state) {
  switch (state) {
    case ClaimState::kSubmitted: return "SUBMITTED";
    case ClaimState::kApproved: return "APPROVED";
    case ClaimState::kPaid: return "PAID";
    case ClaimState::kRejected: return "REJECTED";
    case ClaimState::kPovertyOfficeApproved: return "POVERTY_OFFICE_APPROVED";
    case ClaimState::kFinanceBureauApproved: return "FINANCE_BUREAU_APPROVED";
  }
  return "UNKNOWN";
}

absl::string_view ClaimEventName(ClaimEvent event) {
  switch (event) {
    case ClaimEvent::kPovertyOfficeApproves: return "POVERTY_OFFICE_APPROVES";
    case ClaimEvent::kFinanceBureauApproves: return "FINANCE_BUREAU_APPROVES";
    case ClaimEvent::kReject: return "REJECT";
    case ClaimEvent::kPay: return "PAY";
  }
  return "UNKNOWN";
}

const domain::StateTable<ClaimState, ClaimEvent>& ClaimFlow() {
  using S = ClaimState;
  using E = ClaimEvent;
  static const auto* table = new domain::StateTable<S, E>(
      "a compensation claim",
      {S::kSubmitted, S::kPovertyOfficeApproved, S::kFinanceBureauApproved, S::kApproved, S::kPaid, S::kRejected},
      {E::kPovertyOfficeApproves, E::kFinanceBureauApproves, E::kReject, E::kPay}, ClaimStateName, ClaimEventName,
      {
          {S::kSubmitted, E::kPovertyOfficeApproves, S::kPovertyOfficeApproved},
          {S::kSubmitted, E::kFinanceBureauApproves, S::kFinanceBureauApproved},
          {S::kPovertyOfficeApproved, E::kFinanceBureauApproves, S::kApproved},
          {S::kFinanceBureauApproved, E::kPovertyOfficeApproves, S::kApproved},
          {S::kApproved, E::kPay, S::kPaid},
          {S::kSubmitted, E::kReject, S::kRejected},
          {S::kPovertyOfficeApproved, E::kReject, S::kRejected},
          {S::kFinanceBureauApproved, E::kReject, S::kRejected},
          {S::kApproved, E::kReject, S::kRejected},
      });
  return *table;
}

ClaimEvent ApprovalBy(ReviewParty party) {
  return party == ReviewParty::kPovertyOffice ? ClaimEvent::kPovertyOfficeApproves
                                              : ClaimEvent::kFinanceBureauApproves;
}

absl::string_view ReviewCapability(ReviewParty party) {
  return party == ReviewParty::kPovertyOffice ? "loans.fund.review.poverty" : "loans.fund.review.finance";
}

bool CoveredByFund(const Loan& loan, const Borrower& borrower) {
  return loan.product_kind == ProductKind::kPovertySmallLoan && borrower.profile.type == BorrowerType::kHousehold &&
         borrower.profile.PoorOn(loan.disbursement_date);
}

}  // namespace huinong::loans
