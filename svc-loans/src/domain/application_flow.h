// The loan application's workflow (000:1511-1525) as declarative tables of
// (state, event) → state, one per shape of the flow: with the guarantee step
// (政银企户保, and every industry loan) and without it (a small loan under
// 两免一补, where the county's approval goes straight to the insurer). Each
// state names what the application waits for; each step has one actor, the
// holder of one capability for the application's unit (StepCapability).
//
//   DRAFT --SUBMIT--> SUBMITTED --RECORD_SURVEY--> SURVEYED --APPROVE--> REVIEWED
//   REVIEWED --RECORD_GUARANTEE--> GUARANTEED --RECORD_INSURANCE--> INSURED   (with guarantee)
//   REVIEWED --RECORD_INSURANCE--> INSURED                                    (without)
//   INSURED --SIGN_CONTRACT--> CONTRACTED --DISBURSE--> DISBURSED
//   any state from SUBMITTED to CONTRACTED --REJECT--> REJECTED (by that step's actor)
//   any state from DRAFT to CONTRACTED --WITHDRAW--> WITHDRAWN (the applicant's station)
//   DISBURSED, REJECTED and WITHDRAWN are final.
#pragma once

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "common/domain/state_table.h"
#include "svc-loans/src/domain/county_policy.h"
#include "svc-loans/src/domain/eligibility.h"

namespace huinong::loans {

enum class ApplicationState {
  kDraft = 1,
  kSubmitted = 2,   // awaiting the township's survey
  kSurveyed = 3,    // awaiting the county review (the deadline runs)
  kApproved = 4,    // REVIEWED in the API: awaiting the guarantee, or the insurance without one
  kGuaranteed = 5,  // awaiting the insurance
  kInsured = 6,     // awaiting the bank's contract
  kContracted = 7,  // awaiting disbursement
  kDisbursed = 8,
  kRejected = 9,
  kWithdrawn = 10,
};

enum class ApplicationEvent {
  kSubmit = 1,
  kRecordSurvey = 2,
  kApprove = 3,
  kRecordGuarantee = 4,
  kRecordInsurance = 5,
  kSignContract = 6,
  kDisburse = 7,
  kReject = 8,
  kWithdraw = 9,
};

absl::string_view ApplicationStateName(ApplicationState state);
// Every state, DRAFT to WITHDRAWN (for SQL that lists them).
const std::vector<ApplicationState>& EveryApplicationState();
absl::string_view ApplicationEventName(ApplicationEvent event);

// Whether this application passes the guarantee company: always, except a
// poverty small loan under 两免一补.
bool GuaranteeRequired(ProductKind product, SmallLoanModel model);

// The flow for an application; GuaranteeRequired picks which.
const domain::StateTable<ApplicationState, ApplicationEvent>& ApplicationFlow(bool guarantee_required);

// The step an application waiting in `state` waits for: "submission",
// "survey", "county_review", "guarantee", "insurance", "contract",
// "disbursement"; empty once final.
absl::string_view StepWaitedFor(ApplicationState state, bool guarantee_required);

// The capability whose holder acts on an application waiting in `state`
// (and may reject it there): "loans.intake" for a draft,
// "loans.survey.lead", "loans.review.county", "loans.guarantee" (or, with
// no guarantee, "loans.insure" for an approved one), "loans.insure",
// "loans.contract", "loans.disburse"; empty once final.
absl::string_view StepCapability(ApplicationState state, bool guarantee_required);

}  // namespace huinong::loans
