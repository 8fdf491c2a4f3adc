// See write_offs.h.
#include "svc-loans/src/app/write_offs.h"

#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/app/application_access.h"
#include "svc-loans/src/app/repayments.h"
#include "svc-loans/src/app/risk_funds.h"
#include "svc-loans/src/store/borrower_store.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/loss_store.h"

namespace huinong::loans {
namespace {

std::string LoanName(const std::string& id) { return rpc::FormatName("loans", id); }

// The loan, its routing checked by `authorize` before the row is locked (it
// never changes, so no lock waits on svc-org), then locked and its etag
// checked.
absl::StatusOr<Loan> LockLoan(server::Mutation& m, const std::string& loan_id, const std::string& etag,
                              const std::function<absl::Status(const Loan&)>& authorize) {
  ASSIGN_OR_RETURN(const std::optional<Loan> seen, store::GetLoan(m.tx(), loan_id));
  if (!seen) return rpc::NotFound(LoanName(loan_id));
  RETURN_IF_ERROR(authorize(*seen));
  ASSIGN_OR_RETURN(std::optional<Loan> found, store::GetLoan(m.tx(), loan_id, /*for_update=*/true));
  if (!found) return rpc::NotFound(LoanName(loan_id));
  if (!etag.empty()) RETURN_IF_ERROR(rpc::CheckEtag(etag, found->version, LoanName(loan_id)));
  return *std::move(found);
}

absl::Status RequireActive(const Loan& loan) {
  if (loan.status == LoanStatus::kActive) return absl::OkStatus();
  return rpc::FailedPrecondition("LOAN_NOT_ACTIVE", absl::StrCat(LoanName(loan.id), " is settled or written off"));
}

// The loss on `date`: what would have settled the loan that day.
absl::Status MeasureLoss(sql::Connection& conn, const Loan& loan, WriteOffRecord& w) {
  ASSIGN_OR_RETURN(const PayoffFigures loss, PayoffOn(conn, loan, w.date, "date"));
  w.principal_fen = loss.principal_fen;
  w.interest_fen = loss.interest_fen;
  return absl::OkStatus();
}

// Writes the decision and the loan (version bumped; status as `status`).
absl::StatusOr<WriteOffChange> Save(server::Mutation& m, const Loan& before, LoanStatus status,
                                    std::optional<WriteOffRecord> write_off_before, WriteOffRecord w) {
  w.version += 1;
  Loan after = before;
  after.status = status;
  after.version += 1;
  after.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateLoanServicing(m.tx(), before, after, m.today()));
  ASSIGN_OR_RETURN(LoanLoss loss_before, LoadLoss(m.tx(), before.id));
  RETURN_IF_ERROR(store::SaveWriteOff(m.tx(), w));
  return WriteOffChange{before, std::move(after), std::move(loss_before), std::move(write_off_before), std::move(w),
                        std::nullopt};
}

absl::StatusOr<WriteOffChange> Decide(server::Mutation& m, OrgView& org, const std::string& loan_id,
                                      const std::string& etag, WriteOffEvent event, const std::string& comment) {
  ASSIGN_OR_RETURN(const Loan before, LockLoan(m, loan_id, etag, [&](const Loan& seen) {
    return RequireCapability(org, m.caller(), kWriteOffApprove, seen.place.county_id, m.today());
  }));
  RETURN_IF_ERROR(RequireActive(before));
  ASSIGN_OR_RETURN(const std::optional<WriteOffRecord> current, store::GetWriteOff(m.tx(), loan_id));
  ASSIGN_OR_RETURN(const WriteOffState next,
                   WriteOffFlow().Next(current ? current->state : WriteOffState::kNone, event));
  WriteOffRecord w = *current;
  w.state = next;
  w.decided_by = m.caller().subject;
  w.decide_time = m.now();
  w.decision_comment = comment;
  if (next != WriteOffState::kApproved) return Save(m, before, before.status, current, std::move(w));
  // The bank may still book repayments while the county decides; one valued
  // after the write-off's date makes the asked loss wrong, and the request
  // is to be made again rather than approved (the approval names no date).
  if (const absl::Status measured = MeasureLoss(m.tx(), before, w); !measured.ok()) {
    if (measured.code() != absl::StatusCode::kInvalidArgument) return measured;
    return rpc::FailedPrecondition(
        "WRITE_OFF_STALE", absl::StrCat(LoanName(loan_id), " has a repayment valued after the write-off's date, ",
                                        absl::FormatCivilTime(w.date),
                                        ": reject the request and ask again with the loss as it stands"));
  }
  return Save(m, before, LoanStatus::kWrittenOff, current, std::move(w));
}

}  // namespace

absl::StatusOr<WriteOffChange> RequestWriteOff(server::Mutation& m, OrgView& org, const WriteOffOrder& order) {
  ASSIGN_OR_RETURN(const Loan before, LockLoan(m, order.loan_id, order.etag, [&](const Loan& seen) {
    return AuthorizeStep(org, m.caller(), RoutingOf(seen.application_id, seen.place), "loans.disburse", m.today());
  }));
  RETURN_IF_ERROR(RequireActive(before));
  ASSIGN_OR_RETURN(const std::optional<WriteOffRecord> current, store::GetWriteOff(m.tx(), order.loan_id));
  ASSIGN_OR_RETURN(const WriteOffState next,
                   WriteOffFlow().Next(current ? current->state : WriteOffState::kNone, WriteOffEvent::kRequest));
  if (before.loan_class != LoanClass::kNonPerforming) {
    return rpc::FailedPrecondition("NOT_NON_PERFORMING",
                                   absl::StrCat(LoanName(before.id), " is not classified non-performing"));
  }
  if (order.date > m.today()) {
    return rpc::InvalidField("date", absl::StrCat("not after today, ", absl::FormatCivilTime(m.today())));
  }
  WriteOffRecord w = current.value_or(WriteOffRecord{});
  w.loan_id = before.id;
  w.county_id = before.place.county_id;
  w.state = next;
  w.date = order.date;
  w.reason = order.reason;
  w.documents = order.documents;
  w.requested_by = m.caller().subject;
  w.request_time = m.now();
  w.decided_by.clear();
  w.decide_time.reset();
  w.decision_comment.clear();
  RETURN_IF_ERROR(MeasureLoss(m.tx(), before, w));
  return Save(m, before, before.status, current, std::move(w));
}

absl::StatusOr<WriteOffChange> ApproveWriteOff(server::Mutation& m, OrgView& org, const std::string& loan_id,
                                               const std::string& etag, const std::string& comment,
                                               const BreakerRecorder& record) {
  ASSIGN_OR_RETURN(WriteOffChange change, Decide(m, org, loan_id, etag, WriteOffEvent::kApprove, comment));
  ASSIGN_OR_RETURN(const std::optional<Borrower> borrower,
                   store::GetBorrower(m.tx(), change.after.place.borrower_id));
  if (borrower && CoveredByFund(change.after, *borrower)) {
    ASSIGN_OR_RETURN(change.claim, OpenClaim(m, change.after, change.write_off));
  }
  // A written-off loan leaves the township's ratio (MeasureTownship sums ACTIVE loans).
  RETURN_IF_ERROR(MeasureTownship(m, change.after.place.township_id, record).status());
  return change;
}

absl::StatusOr<WriteOffChange> RejectWriteOff(server::Mutation& m, OrgView& org, const std::string& loan_id,
                                              const std::string& etag, const std::string& reason) {
  return Decide(m, org, loan_id, etag, WriteOffEvent::kReject, reason);
}

}  // namespace huinong::loans
