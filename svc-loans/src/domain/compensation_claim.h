// A compensation claim on the county's risk fund (issue 11 item 7,
// 000:1593 "县扶贫办 … 会同财政局做好风险补偿审核工作"): opened when the
// county approves the write-off of a covered loan, reviewed jointly by the
// poverty-alleviation office and the finance bureau — each approves once,
// in either order — then paid by the finance bureau; either reviewer may
// reject it before it is paid. One table of (state, event) → state,
// checked only through ClaimFlow().Next. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "common/domain/state_table.h"
#include "svc-loans/src/domain/borrower_record.h"
#include "svc-loans/src/domain/loan.h"

namespace huinong::loans {

enum class ClaimState {
  kSubmitted = 1,
  kApproved = 2,  // by both reviewers: awaiting payment
  kPaid = 3,
  kRejected = 4,
  kPovertyOfficeApproved = 5,  // awaiting the finance bureau
  kFinanceBureauApproved = 6,  // awaiting the poverty office
};
enum class ClaimEvent { kPovertyOfficeApproves = 1, kFinanceBureauApproves = 2, kReject = 3, kPay = 4 };
enum class ReviewParty { kPovertyOffice = 1, kFinanceBureau = 2 };

absl::string_view ClaimStateName(ClaimState state);
absl::string_view ClaimEventName(ClaimEvent event);
const domain::StateTable<ClaimState, ClaimEvent>& ClaimFlow();

// The event of `party`'s approval, and the capability its reviewer holds
// for the fund's county (loans.fund.review.poverty / .finance).
ClaimEvent ApprovalBy(ReviewParty party);
absl::string_view ReviewCapability(ReviewParty party);

struct PartyReview {
  ReviewParty party = ReviewParty::kPovertyOffice;
  bool approved = false;
  std::string reviewer;  // "staff/{id}"
  absl::Time review_time;
  std::string comment;   // the approval's comment or the rejection's reason
};

struct CompensationClaim {
  std::string id;
  std::string fund_id;
  std::string loan_id;
  std::string county_id;
  int64_t loss_fen = 0;
  int ratio_bp = 0;
  std::string policy_id;
  int64_t amount_fen = 0;
  ClaimState state = ClaimState::kSubmitted;
  std::vector<PartyReview> reviews;
  std::string payment_transaction_id;
  int64_t recovered_to_fund_fen = 0;
  std::string filed_by;
  std::string rejection_reason;  // REJECTED: the rejecting review is in `reviews`
  std::string rejected_by;
  std::optional<absl::Time> reject_time;
  int64_t version = 1;
  absl::Time create_time;
  absl::Time update_time;
};

// Whether the fund covers a loss on `loan` (000:1593 "补偿对象为使用扶贫小额
// 信贷产品的建档立卡贫困户"): a poverty small loan of a household registered
// poor on the loan's disbursement date.
bool CoveredByFund(const Loan& loan, const Borrower& borrower);

}  // namespace huinong::loans
