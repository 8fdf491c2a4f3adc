// An interest-subsidy claim and its workflow (issue 11 item 6; 000:1531:
// "带凭证到本乡镇金融扶贫服务部申请贷款贴息,乡镇金融扶贫服务部初核后报县扶贫办,
// 县扶贫办进行联审,确认并公告公示7日后,通知县财政部门将贴息资金通过银行卡拨付贫困户";
// 000:1603 the clawback). Pure: the record, the table of moves and each
// step's own rules; the caller supplies today (the county's business date)
// and who acts.
//
// Workflow (SubsidyClaimFlow, every state × every event tested):
//   SUBMITTED  --CHECK-->      CHECKED      township preliminary check (初核)
//   CHECKED    --REVIEW-->     IN_NOTICE    county poverty office joint review (联审); the notice starts
//   IN_NOTICE  --OBJECT-->     CHECKED      an objection during the notice: back to review
//   IN_NOTICE  --PAY-->        PAID         finance bureau, to the bank card, from the notice's end
//   PAID       --CLAW_BACK-->  CLAWED_BACK  a diverted or fraudulently obtained loan
//   SUBMITTED | CHECKED | IN_NOTICE --REJECT--> REJECTED (with a reason)
// REJECTED and CLAWED_BACK are final.
//
// Notice rule. The notice runs subsidy_notice_days (7) CALENDAR days from
// its start, both counted as business dates in the county's time zone: a
// notice starting on 1 March runs 1–7 March and notice_end_date — the first
// day payment is allowed — is 8 March. Calendar days because the seeds say
// 公告公示7日 (days, not working days) and a posted notice is readable every
// day; a county wanting more sets more days. The start is the review's day
// or a later day it names, never an earlier one. An objection is accepted
// from the review until the day before notice_end_date (NOTICE_ENDED from
// it on); payment only on or after notice_end_date (NOTICE_NOT_ENDED before).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/document_ref.h"
#include "common/domain/state_table.h"
#include "svc-loans/src/domain/subsidy.h"

namespace huinong::loans {

enum class SubsidyClaimState {
  kSubmitted = 1,
  kChecked = 2,
  kInNotice = 3,
  kPaid = 4,
  kClawedBack = 5,
  kRejected = 6,
};
enum class SubsidyClaimEvent { kCheck = 1, kReview = 2, kObject = 3, kPay = 4, kReject = 5, kClawBack = 6 };
enum class ClawbackCategory { kDiverted = 1, kFraud = 2, kOverpaid = 3 };

absl::string_view SubsidyClaimStateName(SubsidyClaimState state);
absl::string_view SubsidyClaimEventName(SubsidyClaimEvent event);

const domain::StateTable<SubsidyClaimState, SubsidyClaimEvent>& SubsidyClaimFlow();

// Who decided a step, when, and on what.
struct SubsidyStep {
  std::string decided_by;  // "staff/{id}"
  absl::Time decide_time;
  std::string comment;
  std::vector<domain::DocumentRef> documents;
};

struct SubsidyObjection {
  int index = 0;  // 1-based
  std::string objector;
  std::string content;
  std::vector<domain::DocumentRef> documents;
  std::string recorded_by;
  absl::Time record_time;
  bool resolved = false;  // set when the claim passes review again
};

struct SubsidyPayment {
  int64_t amount_fen = 0;
  absl::CivilDay paid_date;
  std::string finance_reference;
  std::string paid_by;
  absl::Time record_time;
};

struct SubsidyClawback {
  ClawbackCategory category = ClawbackCategory::kDiverted;
  int64_t amount_fen = 0;
  std::string finding;
  std::vector<domain::DocumentRef> documents;
  std::string recorded_by;
  absl::Time record_time;
};

struct SubsidyRejection {
  std::string reason;
  std::string rejected_by;
  absl::Time reject_time;
};

struct SubsidyClaimRecord {
  std::string id;
  std::string loan_id;
  std::string borrower_id;
  std::string township_id;
  std::string county_id;
  std::string unit_id;  // the borrower's intake unit (scope)
  ClaimPeriod period;
  int64_t interest_paid_fen = 0;  // per the vouchers
  std::vector<domain::DocumentRef> vouchers;
  std::string bank_card_number;  // personal data
  SubsidyComputation computation;
  std::string policy_id;
  SubsidyClaimState state = SubsidyClaimState::kSubmitted;
  std::optional<SubsidyStep> township_check;
  std::optional<SubsidyStep> county_review;
  std::optional<absl::CivilDay> notice_start_date;
  std::optional<absl::CivilDay> notice_end_date;
  domain::DocumentRef notice;
  std::vector<SubsidyObjection> objections;
  std::optional<SubsidyPayment> payment;
  std::optional<SubsidyClawback> clawback;
  std::optional<SubsidyRejection> rejection;
  std::string request_id;  // of ApplyForSubsidy
  int64_t version = 1;
  absl::Time create_time;
  absl::Time update_time;
};

// Two periods share a day.
bool Overlap(const ClaimPeriod& a, const ClaimPeriod& b);

// SUBMITTED → CHECKED.
absl::Status CheckClaim(SubsidyClaimRecord& claim, SubsidyStep step);

// CHECKED → IN_NOTICE: the notice from `start` (today when unset; a day
// before today is INVALID_ARGUMENT naming `start_field`) for `notice_days`;
// open objections become resolved.
absl::Status ReviewClaim(SubsidyClaimRecord& claim, SubsidyStep step, domain::DocumentRef notice,
                         std::optional<absl::CivilDay> start, int notice_days, absl::CivilDay today,
                         const std::string& start_field);

// IN_NOTICE → CHECKED with the objection (numbered after the last);
// NOTICE_ENDED from notice_end_date on.
absl::Status ObjectToClaim(SubsidyClaimRecord& claim, SubsidyObjection objection, absl::CivilDay today);

// IN_NOTICE → PAID: the claim's amount on `payment.paid_date`, which is not
// after today (INVALID_ARGUMENT naming `paid_date_field`); NOTICE_NOT_ENDED
// when today or the paid date is before notice_end_date.
absl::Status PayClaim(SubsidyClaimRecord& claim, SubsidyPayment payment, absl::CivilDay today,
                      const std::string& paid_date_field);

// SUBMITTED | CHECKED | IN_NOTICE → REJECTED.
absl::Status RejectClaim(SubsidyClaimRecord& claim, SubsidyRejection rejection);

// PAID → CLAWED_BACK: the whole payment when `clawback.amount_fen` is 0;
// more than was paid is INVALID_ARGUMENT naming `amount_field`.
absl::Status ClawBackClaim(SubsidyClaimRecord& claim, SubsidyClawback clawback, const std::string& amount_field);

}  // namespace huinong::loans
