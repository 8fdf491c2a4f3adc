// The loan application's use cases (000:1511-1525), one transaction each,
// run inside the kit's Mutation: authorize the step on an unlocked read
// (application_access.h; no row lock waits on svc-org), lock the application
// and check its etag, judge it with the pure
// rules (domain/application_steps.h, eligibility.h, the workflow table),
// write it. Each returns the application before and after, for the audit
// event and the answer; none touches the API's types.
//
// What each step asks besides its own content:
// - submission, the county review, the bank's contract: every lending rule
//   on the county policy in force that day (the version is recorded), all
//   failures at once (FAILED_PRECONDITION / BORROWER_INELIGIBLE);
// - submission, review, disbursement and draws: the township may lend
//   (TOWNSHIP_SUSPENDED otherwise);
// - the survey: the county review's deadline, counted on the county's work
//   calendar in svc-org from the instant the survey is recorded;
// - disbursement: the loan, and for a revolving product the credit line.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/org_directory/org_view.h"
#include "common/server/mutation.h"
#include "svc-loans/src/domain/application.h"
#include "svc-loans/src/domain/loan.h"

namespace huinong::loans {

struct ApplicationChange {
  std::optional<Application> before;  // none for a creation
  Application after;
  std::optional<Loan> loan;                   // made by a disbursement
  std::optional<CreditLineRecord> credit_line;  // opened by a revolving product's disbursement
};

// What a caller drafts (CreateApplication) or edits in a draft.
struct DraftTerms {
  std::string borrower_id;
  std::string product_id;
  int64_t amount_fen = 0;
  int term_months = 0;
  Purpose purpose = Purpose::kProduction;
  std::string purpose_detail;
  std::vector<Collateral> collateral;
  std::vector<domain::DocumentRef> documents;
};

// Which parts of a draft an update replaces (the update mask).
struct DraftEdit {
  DraftTerms terms;
  bool amount = false, term_months = false, purpose = false, purpose_detail = false, collateral = false,
       documents = false;
};

// The application being acted on: its id and the etag the caller read.
struct ApplicationRef {
  std::string id;
  std::string etag;
};

using OrgView = org_directory::OrgView;

absl::StatusOr<ApplicationChange> CreateApplication(server::Mutation& m, OrgView& org, const DraftTerms& terms);
absl::StatusOr<ApplicationChange> UpdateDraft(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                              const DraftEdit& edit);
absl::StatusOr<ApplicationChange> SubmitApplication(server::Mutation& m, OrgView& org, const ApplicationRef& ref);
absl::StatusOr<ApplicationChange> RecordSurvey(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                               Survey survey);
absl::StatusOr<ApplicationChange> ReviewApplication(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                                    Review review);
absl::StatusOr<ApplicationChange> RecordGuarantee(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                                  Guarantee guarantee);
absl::StatusOr<ApplicationChange> RecordInsurance(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                                  Insurance insurance);
absl::StatusOr<ApplicationChange> SignContract(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                               Contract contract);
absl::StatusOr<ApplicationChange> Disburse(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                           Disbursement disbursement);
absl::StatusOr<ApplicationChange> RejectApplication(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                                    int category, std::string reason);
absl::StatusOr<ApplicationChange> WithdrawApplication(server::Mutation& m, OrgView& org, const ApplicationRef& ref,
                                                      std::string reason);

// A draw on a credit line (000:1497): the loan it makes and the line after.
struct DrawTerms {
  std::string credit_line_id;
  std::string etag;
  Draw draw;  // amount, term, value date, purpose
  std::string bank_reference;
  std::optional<EntrustedPayee> entrusted_payee;
};
struct DrawChange {
  CreditLineRecord before;
  CreditLineRecord after;
  Loan loan;
};
absl::StatusOr<DrawChange> DrawCreditLine(server::Mutation& m, OrgView& org, const DrawTerms& terms);

}  // namespace huinong::loans
