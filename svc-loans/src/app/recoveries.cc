// See recoveries.h.
#include "svc-loans/src/app/recoveries.h"

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/app/application_access.h"
#include "svc-loans/src/store/borrower_store.h"
#include "svc-loans/src/store/fund_store.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/loss_store.h"

namespace huinong::loans {
namespace {

std::string LoanName(const std::string& id) { return rpc::FormatName("loans", id); }

// The loan's version moves with every record of its loss.
absl::StatusOr<Loan> Touch(server::Mutation& m, const Loan& before) {
  Loan after = before;
  after.version += 1;
  after.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateLoanServicing(m.tx(), before, after, m.today()));
  return after;
}

// Malicious evasion: the borrower on the blacklist (or the entry that
// already lists them).
absl::StatusOr<std::optional<BlacklistChange>> ListEvader(server::Mutation& m, const Loan& loan,
                                                          const RecoveryOrder& order, RecoveryRecord& r) {
  ASSIGN_OR_RETURN(const std::optional<Borrower> borrower, store::GetBorrower(m.tx(), loan.place.borrower_id, true));
  if (borrower && borrower->profile.blacklisted) {
    r.blacklist_entry_id = borrower->blacklist_entry_id;
    return std::nullopt;
  }
  BlacklistEntry entry;
  entry.borrower_id = loan.place.borrower_id;
  entry.category = BlacklistCategory::kMaliciousEvasion;
  entry.reason = order.evasion_reason;
  entry.loan_id = loan.id;
  entry.evidence = order.evasion_evidence;
  ASSIGN_OR_RETURN(BlacklistChange listed, ListOnBlacklist(m, std::move(entry)));
  r.blacklist_entry_id = listed.after.id;
  return listed;
}

}  // namespace

int64_t LoanLoss::RecoveredFen() const {
  int64_t total = 0;
  for (const RecoveryRecord& r : recoveries) total += r.amount_fen;
  return total;
}

int64_t LoanLoss::CompensatedFen() const {
  return claim && claim->state == ClaimState::kPaid ? claim->amount_fen : 0;
}

RecoveryState LoanLoss::State() const {
  if (!write_off || write_off->state != WriteOffState::kApproved) return RecoveryState::kNone;
  for (const RecoveryRecord& r : recoveries) {
    if (r.closes_case) return RecoveryState::kClosed;
  }
  return RecoveryState::kInProgress;
}

absl::StatusOr<LoanLoss> LoadLoss(sql::Connection& conn, const std::string& loan_id) {
  LoanLoss loss;
  ASSIGN_OR_RETURN(loss.accountability, store::LoanAccountability(conn, loan_id));
  ASSIGN_OR_RETURN(loss.write_off, store::GetWriteOff(conn, loan_id));
  if (!loss.write_off) return loss;  // no claim nor recovery before a write-off
  ASSIGN_OR_RETURN(loss.claim, store::ClaimOfLoan(conn, loan_id));
  ASSIGN_OR_RETURN(loss.recoveries, store::LoanRecoveries(conn, loan_id));
  return loss;
}

absl::StatusOr<RecoveryChange> RecordRecovery(server::Mutation& m, OrgView& org, RecoveryOrder order) {
  const std::string name = LoanName(order.loan_id);
  ASSIGN_OR_RETURN(const std::optional<Loan> seen, store::GetLoan(m.tx(), order.loan_id));
  if (!seen) return rpc::NotFound(name);
  RETURN_IF_ERROR(AuthorizeStep(org, m.caller(), RoutingOf(seen->application_id, seen->place), kRecovery, m.today()));
  ASSIGN_OR_RETURN(std::optional<Loan> found, store::GetLoan(m.tx(), order.loan_id, /*for_update=*/true));
  if (!found) return rpc::NotFound(name);
  const Loan before = *std::move(found);
  ASSIGN_OR_RETURN(LoanLoss loss, LoadLoss(m.tx(), order.loan_id));

  RecoveryRecord& r = order.recovery;
  for (const RecoveryRecord& earlier : loss.recoveries) {
    if (earlier.bank_reference != r.bank_reference) continue;
    if (earlier.amount_fen != r.amount_fen || earlier.value_date != r.value_date) {
      return rpc::AlreadyExists("BANK_REFERENCE_USED",
                                absl::StrCat("the bank's reference ", r.bank_reference, " recovered ",
                                             earlier.amount_fen, " fen valued ",
                                             absl::FormatCivilTime(earlier.value_date), " on ", name));
    }
    return RecoveryChange{before, before, loss, earlier, std::nullopt, std::nullopt, /*existing=*/true};
  }
  if (before.status != LoanStatus::kWrittenOff || !loss.write_off) {
    return rpc::FailedPrecondition("LOAN_NOT_WRITTEN_OFF", absl::StrCat(name, " is not written off"));
  }
  if (r.value_date > m.today() || r.value_date < loss.write_off->date) {
    return rpc::InvalidField("recovery.value_date",
                             absl::StrCat("from the write-off, ", absl::FormatCivilTime(loss.write_off->date),
                                          ", to today, ", absl::FormatCivilTime(m.today())));
  }
  const int64_t recovered_before = loss.RecoveredFen();
  RETURN_IF_ERROR(CheckRecovery(loss.State(), loss.write_off->LossFen(), recovered_before, r.amount_fen));

  r.id = NewUlid();
  r.loan_id = before.id;
  r.request_id = m.request_id();
  r.recorded_by = m.caller().subject;
  r.record_time = m.now();
  RecoveryChange change{before, before, loss, r, std::nullopt, std::nullopt, false};
  if (r.malicious_evasion) {
    ASSIGN_OR_RETURN(change.blacklisting, ListEvader(m, before, order, r));
  }
  ASSIGN_OR_RETURN(std::optional<CompensationClaim> claim, store::ClaimOfLoan(m.tx(), before.id, true));
  if (claim) {
    const CompensationClaim claim_before = *claim;
    ASSIGN_OR_RETURN(std::optional<FundChange> share,
                     ReturnRecoveryShare(m, *claim, recovered_before + r.amount_fen, r.value_date, r.bank_reference));
    if (share) {
      r.fund_share_fen = share->movement.amount_fen;
      r.fund_transaction_id = share->movement.id;
      change.claim = ClaimChange{claim_before, *claim, {*std::move(share)}};
    }
  }
  RETURN_IF_ERROR(store::InsertRecovery(m.tx(), r));
  change.recovery = r;
  ASSIGN_OR_RETURN(change.after, Touch(m, before));
  return change;
}

absl::StatusOr<AccountabilityChange> RecordAccountability(server::Mutation& m, OrgView& org,
                                                          const std::string& loan_id, const std::string& etag,
                                                          AccountabilityRecord draft) {
  const std::string name = LoanName(loan_id);
  ASSIGN_OR_RETURN(const std::optional<Loan> seen, store::GetLoan(m.tx(), loan_id));
  if (!seen) return rpc::NotFound(name);
  if (!m.caller().IsAdmin()) {
    RETURN_IF_ERROR(RequireCapability(org, m.caller(), kCountyReview, seen->place.county_id, m.today()));
  }
  absl::StatusOr<std::string> staff = org.StaffDisplayName(draft.staff_id);
  if (absl::IsNotFound(staff.status())) {
    return rpc::WithReason(absl::NotFoundError(absl::StrCat("record.staff: svc-org knows no staff/", draft.staff_id)),
                           "STAFF_NOT_FOUND");
  }
  RETURN_IF_ERROR(staff.status());
  ASSIGN_OR_RETURN(std::optional<Loan> found, store::GetLoan(m.tx(), loan_id, /*for_update=*/true));
  if (!found) return rpc::NotFound(name);
  if (!etag.empty()) RETURN_IF_ERROR(rpc::CheckEtag(etag, found->version, name));
  ASSIGN_OR_RETURN(LoanLoss loss_before, LoadLoss(m.tx(), loan_id));
  draft.loan_id = loan_id;
  draft.index = static_cast<int>(loss_before.accountability.size()) + 1;
  draft.recorded_by = m.caller().subject;
  draft.record_time = m.now();
  RETURN_IF_ERROR(store::InsertAccountability(m.tx(), draft));
  ASSIGN_OR_RETURN(Loan after, Touch(m, *found));
  return AccountabilityChange{*std::move(found), std::move(after), std::move(loss_before), std::move(draft)};
}

}  // namespace huinong::loans
