// Interest-subsidy use cases (issue 11 item 6; 000:1529-1531, 000:1433,
// 000:1603), one transaction each inside the kit's Mutation: a claim filed
// for a period of a loan, then the township's check, the county poverty
// office's joint review that starts the public notice, an objection, the
// finance bureau's payment, a rejection and a clawback. The figures and the
// rules are the pure domain's (subsidy.h, subsidy_claim.h); these load,
// authorize, apply and write. The audit event of each change is recorded by
// the caller (the API's RecordSubsidyChange, subsidy_mapping.h).
//
// Who (svc-org capabilities, held for a unit or one of its ancestors):
//   apply       loans.intake for the loan's intake unit (the borrower's
//               village, or its township's financial-service department)
//   check       loans.subsidy.check.township for the claim's unit
//   review      loans.subsidy.review.county for the county
//   object      loans.subsidy.review.county (county) or
//               loans.subsidy.check.township (the claim's unit)
//   pay         loans.subsidy.pay for the county (the finance bureau)
//   reject      loans.subsidy.check.township (SUBMITTED only) or
//               loans.subsidy.review.county (any open state)
//   claw back   loans.subsidy.review.county or loans.subsidy.pay (county)
// Steps take an optional etag (ABORTED STALE_ETAG when it is not current).
// A loan that lost its subsidy (a claim clawed back for a diverted or
// fraudulently obtained loan) takes no new claim and its open claims no
// further step forward: FAILED_PRECONDITION SUBSIDY_FORFEITED (they may be
// rejected).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/org_directory/org_view.h"
#include "common/server/mutation.h"
#include "svc-loans/src/domain/subsidy_claim.h"

namespace huinong::loans {

// A claim as the borrower files it.
struct SubsidyApplication {
  std::string loan_id;
  ClaimPeriod period;
  int64_t interest_paid_fen = 0;
  std::vector<domain::DocumentRef> vouchers;
  std::string bank_card_number;
};

struct SubsidyChange {
  std::optional<SubsidyClaimRecord> before;  // none for a new claim
  SubsidyClaimRecord after;
};

// Files a claim: the loan exists (NOT_FOUND), has not lost its subsidy
// (SUBSIDY_FORFEITED); the period lies from the disbursement to today
// (INVALID_ARGUMENT naming claim.period.start / claim.period.end); the
// county policy in force today lets it be claimed (SUBSIDY_NOT_DUE,
// NO_POLICY); it shares no day with another claim of the loan that was not
// rejected (PERIOD_OVERLAP); the vouchers' interest is not more than the
// repayments paid in the period (VOUCHERS_MISMATCH). The amount is
// ComputeSubsidy's, capped at the vouchers' interest. The loan's row is
// locked, so two claims of one loan are checked one after the other.
absl::StatusOr<SubsidyChange> ApplyForSubsidy(server::Mutation& m, org_directory::OrgView& org,
                                              SubsidyApplication application);

// A step on one claim: its id, the optional etag.
struct SubsidyStepOrder {
  std::string claim_id;
  std::string etag;
};

absl::StatusOr<SubsidyChange> CheckSubsidyClaim(server::Mutation& m, org_directory::OrgView& org,
                                                const SubsidyStepOrder& order, SubsidyStep step);
// `notice_start` unset: today. `start_field` names it in a violation.
absl::StatusOr<SubsidyChange> ReviewSubsidyClaim(server::Mutation& m, org_directory::OrgView& org,
                                                 const SubsidyStepOrder& order, SubsidyStep step,
                                                 domain::DocumentRef notice,
                                                 std::optional<absl::CivilDay> notice_start);
absl::StatusOr<SubsidyChange> FileSubsidyObjection(server::Mutation& m, org_directory::OrgView& org,
                                                   const SubsidyStepOrder& order, SubsidyObjection objection);
absl::StatusOr<SubsidyChange> PaySubsidyClaim(server::Mutation& m, org_directory::OrgView& org,
                                              const SubsidyStepOrder& order, SubsidyPayment payment);
absl::StatusOr<SubsidyChange> RejectSubsidyClaim(server::Mutation& m, org_directory::OrgView& org,
                                                 const SubsidyStepOrder& order, std::string reason);
absl::StatusOr<SubsidyChange> ClawBackSubsidy(server::Mutation& m, org_directory::OrgView& org,
                                              const SubsidyStepOrder& order, SubsidyClawback clawback);

}  // namespace huinong::loans
