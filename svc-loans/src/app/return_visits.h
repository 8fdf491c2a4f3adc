// RecordReturnVisit's use case (issue 11 item 4; 000:1453): a visit to the
// borrower after lending, recorded by the people who make them — the
// village station or the township department (loans.intake or
// loans.survey.lead for the loan's unit) or the loan's bank (loans.disburse
// inside it) — in one transaction. Reads are the API's (scoped as loans).
//
// Guarantees: the visit belongs to the loan's place (copied from the loan),
// is dated from the disbursement to today (INVALID_ARGUMENT
// visit.visit_date otherwise) and is recorded for a loan in any status (a
// settled or written-off loan may still be visited); nothing else changes.
#pragma once

#include "absl/status/statusor.h"
#include "common/server/handler_kit.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/domain/return_visit.h"

namespace huinong::loans {

// `visit` as the API read it (loan_id, date, visitors, findings, use of
// funds, production status, follow-up, documents); the use case sets its
// id, place, recorder and time.
absl::StatusOr<ReturnVisit> RecordReturnVisit(server::Mutation& m, OrgView& org, ReturnVisit visit);

}  // namespace huinong::loans
