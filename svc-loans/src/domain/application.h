// A loan application as svc-loans keeps it: the loan asked for, where it
// stands in the workflow (application_flow.h), and the record of every step
// — who, when, what they wrote, which documents (000:1511-1525: every step
// records who did it and its documents). A step is taken only through Take,
// which asks the workflow table and writes the step's record in one place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/domain/document_ref.h"
#include "svc-loans/src/domain/application_flow.h"
#include "svc-loans/src/domain/eligibility.h"

namespace huinong::loans {

struct StepRecord {
  ApplicationEvent event = ApplicationEvent::kSubmit;
  std::string by;  // "staff/{id}" (the caller's subject)
  absl::Time at;
  std::string note;  // the survey's finding, the review's opinion, a rejection's reason, …
  std::vector<domain::DocumentRef> documents;
};

// A counter-guarantee or pledge offered or accepted (000:1519, 000:1525).
// `kind` is the API's CollateralKind value; the lending rules read the
// pledged assets through PledgedAssets.
struct Collateral {
  int kind = 0;
  std::string description;
  int64_t estimated_value_fen = 0;
  domain::DocumentRef document;
};

enum class SurveyRole { kVillageWorkTeam = 1, kVillageCadre = 2, kBusinessHead = 3, kBankCreditOfficer = 4, kOther = 5 };

struct SurveyMember {
  std::string staff;  // "staff/{id}" when the member is staff in svc-org
  std::string display_name;
  SurveyRole role = SurveyRole::kOther;
};

// Step 2 (000:1517): the on-site survey led by the township director.
struct Survey {
  std::string lead;  // "staff/{id}"
  std::vector<SurveyMember> members;
  absl::CivilDay visit_date;
  std::string findings;
  int64_t recommended_amount_fen = 0;  // 0: none stated
  domain::DocumentRef report;
  domain::DocumentRef guarantee_application;
  domain::DocumentRef benefit_sharing_agreement;
};

// Step 3: the county centre's review and the bank it recommends.
struct Review {
  int64_t approved_amount_fen = 0;
  int approved_term_months = 0;
  int rate_bp = 0;
  std::string recommended_bank_id;  // the bank's organisation unit in svc-org
  std::string comment;
  std::vector<domain::DocumentRef> documents;
  bool on_time = true;
  std::string policy_id;  // the version in force on the review day
};

// Step 4: the three-party guarantee contract.
struct Guarantee {
  std::string contract_number;
  std::string guarantor_id;  // the guarantee company's organisation unit
  int64_t guaranteed_amount_fen = 0;
  domain::DocumentRef contract;
  std::vector<Collateral> counter_guarantees;
  int64_t service_fee_fen = 0;
};

enum class InsuranceKind { kSurety = 1, kPersonalAccident = 2 };

// Step 5: surety insurance, or accident insurance under 两免一补.
struct Insurance {
  InsuranceKind kind = InsuranceKind::kSurety;
  std::string policy_number;
  std::string insurer_id;  // the insurer's organisation unit
  int64_t insured_amount_fen = 0;
  int64_t premium_fen = 0;
  absl::CivilDay cover_from;
  absl::CivilDay cover_to;
  domain::DocumentRef policy_document;
};

// Step 6a: the contract with the recommended bank.
struct Contract {
  std::string contract_number;
  std::string bank_id;
  absl::CivilDay signed_date;
  int64_t amount_fen = 0;
  int term_months = 0;
  int rate_bp = 0;
  domain::DocumentRef contract;
  absl::CivilDay maturity_date;
  bool entrusted_payment = false;
  std::string policy_id;  // the version the bank's re-check judged by
};

struct EntrustedPayee {
  std::string payee_name;
  std::string account_number;  // personal data when the payee is a person
  std::string bank;
  domain::DocumentRef basis;
};

// Step 6b: the money paid out.
struct Disbursement {
  int64_t amount_fen = 0;
  absl::CivilDay value_date;
  std::string bank_reference;
  std::optional<EntrustedPayee> entrusted_payee;
  int64_t fees_charged_fen = 0;
};

struct Rejection {
  ApplicationState at = ApplicationState::kDraft;  // the state it was rejected in
  int category = 0;                               // the API's RejectionCategory value
  std::string reason;
};

struct Application {
  std::string id;
  std::string borrower_id;
  std::string unit_id;      // where it was submitted: a village, or a township for a leading enterprise
  std::string township_id;  // whose circuit breaker and director apply
  std::string county_id;    // whose policy and calendar apply
  std::string product_id;
  LoanRequest request;  // product kind, amount, term, rate, purpose, industry, pledges, day
  ApplicationState state = ApplicationState::kDraft;
  bool guarantee_required = true;  // GuaranteeRequired at submission; fixes the flow
  std::string policy_id;           // the county policy version it was judged under
  std::string submitted_by;
  std::optional<absl::Time> submit_time;
  std::optional<absl::Time> review_due;  // from the survey's arrival at the county
  std::string recommended_bank_id;       // the cooperating bank the county review named
  std::string purpose_detail;
  std::vector<Collateral> collateral;
  std::vector<domain::DocumentRef> documents;
  std::optional<Survey> survey;
  std::optional<Review> review;
  std::optional<Guarantee> guarantee;
  std::optional<Insurance> insurance;
  std::optional<Contract> contract;
  std::optional<Disbursement> disbursement;
  std::optional<Rejection> rejection;
  std::string credit_line_id;  // after disbursement of a revolving product
  std::string loan_id;         // after disbursement
  std::vector<StepRecord> steps;
  int64_t version = 1;  // the etag
  absl::Time create_time;
  absl::Time update_time;

  // The reason of the rejection or withdrawal that ended it; empty otherwise.
  std::string EndReason() const;
  // The record of the last step of `event` taken; null if none.
  const StepRecord* LastStep(ApplicationEvent event) const;
};

// The pledged assets of collateral, as the lending rules read them (kinds
// the rules do not know, such as OTHER, pledge nothing they count).
std::vector<AssetKind> PledgedAssets(const std::vector<Collateral>& collateral);

// Takes `step.event` on the application: FAILED_PRECONDITION /
// INVALID_TRANSITION unless its flow allows it from the current state,
// INVALID_ARGUMENT naming "reason" for a rejection without one; otherwise
// moves the state, appends the step's record, and on SUBMIT records who
// submitted it and when.
absl::Status Take(Application& application, StepRecord step);

}  // namespace huinong::loans
