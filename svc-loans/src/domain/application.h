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
  std::vector<StepRecord> steps;
  int64_t version = 1;  // the etag
  absl::Time create_time;
  absl::Time update_time;

  // The reason of the rejection or withdrawal that ended it; empty otherwise.
  std::string EndReason() const;
};

// Takes `step.event` on the application: FAILED_PRECONDITION /
// INVALID_TRANSITION unless its flow allows it from the current state;
// otherwise moves the state, appends the step's record, and on SUBMIT
// records who submitted it and when.
absl::Status Take(Application& application, StepRecord step);

}  // namespace huinong::loans
