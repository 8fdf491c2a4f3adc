// See subsidy_claim.h.
#include "svc-loans/src/domain/subsidy_claim.h"

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"

namespace huinong::loans {
namespace {

using S = SubsidyClaimState;
using E = SubsidyClaimEvent;

absl::Status Move(SubsidyClaimRecord& claim, E event) {
  absl::StatusOr<S> next = SubsidyClaimFlow().Next(claim.state, event);
  if (!next.ok()) return next.status();
  claim.state = *next;
  return absl::OkStatus();
}

std::string Day(absl::CivilDay d) { return absl::FormatCivilTime(d); }

}  // namespace

absl::string_view SubsidyClaimStateName(SubsidyClaimState state) {
  switch (state) {
    case S::kSubmitted: return "SUBMITTED";
    case S::kChecked: return "CHECKED";
    case S::kInNotice: return "IN_NOTICE";
    case S::kPaid: return "PAID";
    case S::kClawedBack: return "CLAWED_BACK";
    case S::kRejected: return "REJECTED";
  }
  return "UNKNOWN";
}

absl::string_view SubsidyClaimEventName(SubsidyClaimEvent event) {
  switch (event) {
    case E::kCheck: return "CHECK";
    case E::kReview: return "REVIEW";
    case E::kObject: return "OBJECT";
    case E::kPay: return "PAY";
    case E::kReject: return "REJECT";
    case E::kClawBack: return "CLAW_BACK";
  }
  return "UNKNOWN";
}

const domain::StateTable<SubsidyClaimState, SubsidyClaimEvent>& SubsidyClaimFlow() {
  static const domain::StateTable<S, E> table(
      "a subsidy claim", {S::kSubmitted, S::kChecked, S::kInNotice, S::kPaid, S::kClawedBack, S::kRejected},
      {E::kCheck, E::kReview, E::kObject, E::kPay, E::kReject, E::kClawBack}, SubsidyClaimStateName,
      SubsidyClaimEventName,
      {
          {S::kSubmitted, E::kCheck, S::kChecked},
          {S::kChecked, E::kReview, S::kInNotice},
          {S::kInNotice, E::kObject, S::kChecked},
          {S::kInNotice, E::kPay, S::kPaid},
          {S::kPaid, E::kClawBack, S::kClawedBack},
          {S::kSubmitted, E::kReject, S::kRejected},
          {S::kChecked, E::kReject, S::kRejected},
          {S::kInNotice, E::kReject, S::kRejected},
      });
  return table;
}

bool Overlap(const ClaimPeriod& a, const ClaimPeriod& b) { return a.start <= b.end && b.start <= a.end; }

absl::Status CheckClaim(SubsidyClaimRecord& claim, SubsidyStep step) {
  if (absl::Status s = Move(claim, E::kCheck); !s.ok()) return s;
  claim.township_check = std::move(step);
  return absl::OkStatus();
}

absl::Status ReviewClaim(SubsidyClaimRecord& claim, SubsidyStep step, domain::DocumentRef notice,
                         std::optional<absl::CivilDay> start, int notice_days, absl::CivilDay today,
                         const std::string& start_field) {
  if (absl::Status s = SubsidyClaimFlow().Next(claim.state, E::kReview).status(); !s.ok()) return s;
  const absl::CivilDay first = start.value_or(today);
  if (first < today) return rpc::InvalidField(start_field, absl::StrCat("not before today, ", Day(today)));
  claim.state = S::kInNotice;
  claim.county_review = std::move(step);
  claim.notice = std::move(notice);
  claim.notice_start_date = first;
  claim.notice_end_date = first + notice_days;
  for (SubsidyObjection& o : claim.objections) o.resolved = true;
  return absl::OkStatus();
}

absl::Status ObjectToClaim(SubsidyClaimRecord& claim, SubsidyObjection objection, absl::CivilDay today) {
  if (absl::Status s = SubsidyClaimFlow().Next(claim.state, E::kObject).status(); !s.ok()) return s;
  if (claim.notice_end_date && today >= *claim.notice_end_date) {
    return rpc::FailedPrecondition("NOTICE_ENDED", absl::StrCat("the notice ended on ", Day(*claim.notice_end_date - 1),
                                                                "; objections are taken during it"));
  }
  claim.state = S::kChecked;
  objection.index = static_cast<int>(claim.objections.size()) + 1;
  objection.resolved = false;
  claim.objections.push_back(std::move(objection));
  return absl::OkStatus();
}

absl::Status PayClaim(SubsidyClaimRecord& claim, SubsidyPayment payment, absl::CivilDay today,
                      const std::string& paid_date_field) {
  if (absl::Status s = SubsidyClaimFlow().Next(claim.state, E::kPay).status(); !s.ok()) return s;
  if (payment.paid_date > today) return rpc::InvalidField(paid_date_field, absl::StrCat("not after today, ", Day(today)));
  const absl::CivilDay end = *claim.notice_end_date;
  if (today < end || payment.paid_date < end) {
    return rpc::FailedPrecondition("NOTICE_NOT_ENDED",
                                   absl::StrCat("the public notice runs until ", Day(end - 1), "; payment from ",
                                                Day(end)));
  }
  claim.state = S::kPaid;
  payment.amount_fen = claim.computation.amount_fen;
  claim.payment = std::move(payment);
  return absl::OkStatus();
}

absl::Status RejectClaim(SubsidyClaimRecord& claim, SubsidyRejection rejection) {
  if (absl::Status s = Move(claim, E::kReject); !s.ok()) return s;
  claim.rejection = std::move(rejection);
  return absl::OkStatus();
}

absl::Status ClawBackClaim(SubsidyClaimRecord& claim, SubsidyClawback clawback, const std::string& amount_field) {
  if (absl::Status s = SubsidyClaimFlow().Next(claim.state, E::kClawBack).status(); !s.ok()) return s;
  const int64_t paid = claim.payment->amount_fen;
  if (clawback.amount_fen > paid) {
    return rpc::InvalidField(amount_field, absl::StrCat("at most the ", paid, " fen paid"));
  }
  if (clawback.amount_fen == 0) clawback.amount_fen = paid;
  claim.state = S::kClawedBack;
  claim.clawback = std::move(clawback);
  return absl::OkStatus();
}

}  // namespace huinong::loans
