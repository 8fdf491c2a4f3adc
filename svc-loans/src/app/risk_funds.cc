// See risk_funds.h.
#include "svc-loans/src/app/risk_funds.h"

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-loans/src/store/fund_store.h"
#include "svc-loans/src/store/loss_store.h"
#include "svc-loans/src/store/policy_store.h"

namespace huinong::loans {
namespace {

std::string FundName(const std::string& id) { return rpc::FormatName("riskFunds", id); }
std::string ClaimName(const std::string& id) { return rpc::FormatName("compensationClaims", id); }

absl::StatusOr<RiskFund> LockFund(sql::Connection& conn, const std::string& id) {
  ASSIGN_OR_RETURN(std::optional<RiskFund> fund, store::GetRiskFund(conn, id, /*for_update=*/true));
  if (!fund) return rpc::NotFound(FundName(id));
  return *std::move(fund);
}

// Applies `movement` to the locked fund and writes both.
absl::StatusOr<FundChange> Move(server::Mutation& m, const RiskFund& before, FundMovement movement) {
  RiskFund after = before;
  movement.id = NewUlid();
  movement.recorded_by = m.caller().subject;
  movement.record_time = m.now();
  RETURN_IF_ERROR(ApplyMovement(after, movement));
  after.version += 1;
  after.update_time = m.now();
  RETURN_IF_ERROR(store::InsertFundMovement(m.tx(), movement));
  RETURN_IF_ERROR(store::UpdateRiskFund(m.tx(), after));
  return FundChange{before, std::move(after), std::move(movement)};
}

absl::StatusOr<CompensationClaim> LockClaim(server::Mutation& m, const std::string& id, const std::string& etag) {
  ASSIGN_OR_RETURN(std::optional<CompensationClaim> claim, store::GetClaim(m.tx(), id, /*for_update=*/true));
  if (!claim) return rpc::NotFound(ClaimName(id));
  if (!etag.empty()) RETURN_IF_ERROR(rpc::CheckEtag(etag, claim->version, ClaimName(id)));
  return *std::move(claim);
}

// The claim's fund and its organisations, asked before the claim's row is
// locked (they never change), so no lock waits on svc-org.
absl::Status RequireForClaim(server::Mutation& m, OrgView& org, const std::string& id, absl::string_view capability) {
  ASSIGN_OR_RETURN(const std::optional<CompensationClaim> seen, store::GetClaim(m.tx(), id));
  if (!seen) return rpc::NotFound(ClaimName(id));
  ASSIGN_OR_RETURN(const std::optional<RiskFund> fund, store::GetRiskFund(m.tx(), seen->fund_id));
  if (!fund) return rpc::NotFound(FundName(seen->fund_id));
  return RequireFundRole(org, m.caller(), *fund, capability, m.today());
}

// Whether the caller's unit lies inside `organisation_id`.
absl::StatusOr<bool> Inside(OrgView& org, const auth::Principal& caller, const std::string& organisation_id) {
  if (CallerUnitId(caller).empty()) return false;
  ASSIGN_OR_RETURN(const UnitLineage lineage, CallerLineage(org, caller));
  return lineage.Within(organisation_id);
}

absl::StatusOr<ClaimChange> Decide(server::Mutation& m, CompensationClaim before, ClaimEvent event, ReviewParty party,
                                   const std::string& comment) {
  ASSIGN_OR_RETURN(const ClaimState next, ClaimFlow().Next(before.state, event));
  CompensationClaim after = before;
  after.state = next;
  after.reviews.push_back(
      PartyReview{party, event != ClaimEvent::kReject, m.caller().subject, m.now(), comment});
  if (next == ClaimState::kRejected) {
    after.rejection_reason = comment;
    after.rejected_by = m.caller().subject;
    after.reject_time = m.now();
  }
  after.version += 1;
  after.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateClaim(m.tx(), after));
  return ClaimChange{std::move(before), std::move(after), {}};
}

}  // namespace

absl::Status RequireFundRole(OrgView& org, const auth::Principal& caller, const RiskFund& fund,
                             absl::string_view capability, absl::CivilDay day) {
  const std::string& organisation =
      capability == ReviewCapability(ReviewParty::kPovertyOffice) ? fund.poverty_office_id : fund.finance_bureau_id;
  ASSIGN_OR_RETURN(const bool inside, Inside(org, caller, organisation));
  if (!inside) {
    return rpc::WithReason(rpc::PermissionDenied(absl::StrCat(caller.subject, " does not act for units/",
                                                              organisation, ", which ", capability, " on ",
                                                              FundName(fund.id), " belongs to")),
                           "NOT_FUND_ORGANISATION");
  }
  return RequireCapability(org, caller, capability, CallerUnitId(caller), day);
}

absl::StatusOr<RiskFund> CreateRiskFund(server::Mutation& m, OrgView& org, RiskFund fund,
                                        const std::string& county_field) {
  ASSIGN_OR_RETURN(const UnitLineage county, org.Lineage(fund.county_id));
  if (county.unit().level != type::v1::LEVEL_COUNTY) return rpc::InvalidField(county_field, "not a COUNTY unit");
  RETURN_IF_ERROR(org.Lineage(fund.finance_bureau_id).status());
  RETURN_IF_ERROR(org.Lineage(fund.poverty_office_id).status());
  // The county that sets its lending policy sets up its fund and names the
  // bureau and office that will act on it: the finance bureau, outside the
  // county's unit tree, could otherwise claim any county's one fund.
  if (!m.caller().IsAdmin()) RETURN_IF_ERROR(RequirePolicyAuthority(org, m.caller(), fund.county_id, m.today()));
  fund.id = NewUlid();
  fund.create_time = fund.update_time = m.now();
  RETURN_IF_ERROR(store::InsertRiskFund(m.tx(), fund));
  return fund;
}

absl::StatusOr<FundChange> RecordContribution(server::Mutation& m, OrgView& org, const std::string& fund_id,
                                              FundMovement draft) {
  ASSIGN_OR_RETURN(const std::optional<RiskFund> seen, store::GetRiskFund(m.tx(), fund_id));
  if (!seen) return rpc::NotFound(FundName(fund_id));
  RETURN_IF_ERROR(RequireFundRole(org, m.caller(), *seen, kFundPay, m.today()));
  ASSIGN_OR_RETURN(const RiskFund before, LockFund(m.tx(), fund_id));
  draft.claim_id.clear();
  draft.loan_id.clear();
  return Move(m, before, std::move(draft));
}

absl::StatusOr<CompensationClaim> OpenClaim(server::Mutation& m, const Loan& loan, const WriteOffRecord& write_off) {
  ASSIGN_OR_RETURN(const std::optional<RiskFund> fund, store::RiskFundOfCounty(m.tx(), loan.place.county_id));
  if (!fund) {
    return rpc::FailedPrecondition(
        "NO_RISK_FUND", absl::StrCat("loans/", loan.id, " is covered by the risk fund, and units/",
                                     loan.place.county_id, " has none (RiskFundService.CreateRiskFund)"));
  }
  ASSIGN_OR_RETURN(const std::optional<CountyPolicy> policy,
                   store::PolicyOn(m.tx(), loan.place.county_id, m.today()));
  if (!policy) {
    return rpc::FailedPrecondition("NO_POLICY",
                                   absl::StrCat("units/", loan.place.county_id, " has no county policy in force"));
  }
  CompensationClaim c;
  c.id = NewUlid();
  c.fund_id = fund->id;
  c.loan_id = loan.id;
  c.county_id = loan.place.county_id;
  c.loss_fen = write_off.LossFen();
  c.ratio_bp = policy->compensation_ratio_bp;
  c.policy_id = policy->id;
  c.amount_fen = CompensationFen(c.loss_fen, c.ratio_bp);
  c.state = ClaimState::kSubmitted;
  c.filed_by = m.caller().subject;
  c.create_time = c.update_time = m.now();
  RETURN_IF_ERROR(store::InsertClaim(m.tx(), c));
  return c;
}

absl::StatusOr<ClaimChange> ReviewClaim(server::Mutation& m, OrgView& org, const std::string& claim_id,
                                        const std::string& etag, ReviewParty party, const std::string& comment) {
  RETURN_IF_ERROR(RequireForClaim(m, org, claim_id, ReviewCapability(party)));
  ASSIGN_OR_RETURN(CompensationClaim before, LockClaim(m, claim_id, etag));
  return Decide(m, std::move(before), ApprovalBy(party), party, comment);
}

absl::StatusOr<ClaimChange> RejectClaim(server::Mutation& m, OrgView& org, const std::string& claim_id,
                                        const std::string& etag, ReviewParty party, const std::string& reason) {
  RETURN_IF_ERROR(RequireForClaim(m, org, claim_id, ReviewCapability(party)));
  ASSIGN_OR_RETURN(CompensationClaim before, LockClaim(m, claim_id, etag));
  return Decide(m, std::move(before), ClaimEvent::kReject, party, reason);
}

absl::StatusOr<ClaimChange> PayClaim(server::Mutation& m, OrgView& org, const std::string& claim_id,
                                     const std::string& etag, absl::CivilDay value_date, const std::string& reference,
                                     const std::string& date_field) {
  if (value_date > m.today()) {
    return rpc::InvalidField(date_field, absl::StrCat("not after today, ", absl::FormatCivilTime(m.today())));
  }
  RETURN_IF_ERROR(RequireForClaim(m, org, claim_id, kFundPay));
  ASSIGN_OR_RETURN(CompensationClaim before, LockClaim(m, claim_id, etag));
  ASSIGN_OR_RETURN(const ClaimState next, ClaimFlow().Next(before.state, ClaimEvent::kPay));
  ASSIGN_OR_RETURN(const RiskFund fund, LockFund(m.tx(), before.fund_id));
  FundMovement payment;
  payment.kind = FundMovementKind::kCompensation;
  payment.amount_fen = before.amount_fen;
  payment.value_date = value_date;
  payment.reference = reference;
  payment.claim_id = before.id;
  payment.loan_id = before.loan_id;
  ASSIGN_OR_RETURN(FundChange paid, Move(m, fund, std::move(payment)));
  CompensationClaim after = before;
  after.state = next;
  after.payment_transaction_id = paid.movement.id;
  after.version += 1;
  after.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateClaim(m.tx(), after));
  ClaimChange change{std::move(before), std::move(after), {std::move(paid)}};
  // Money recovered before the fund paid: its share goes back with the payment.
  ASSIGN_OR_RETURN(const std::vector<RecoveryRecord> recoveries, store::LoanRecoveries(m.tx(), change.after.loan_id));
  int64_t recovered = 0;
  for (const RecoveryRecord& r : recoveries) recovered += r.amount_fen;
  ASSIGN_OR_RETURN(std::optional<FundChange> share,
                   ReturnRecoveryShare(m, change.after, recovered, value_date, reference));
  if (share) change.fund.push_back(*std::move(share));
  return change;
}

absl::StatusOr<std::optional<FundChange>> ReturnRecoveryShare(server::Mutation& m, CompensationClaim& claim,
                                                              int64_t recovered_total_fen, absl::CivilDay value_date,
                                                              const std::string& reference) {
  if (claim.state != ClaimState::kPaid) return std::nullopt;
  const int64_t due = FundShareFen(recovered_total_fen, claim.amount_fen, claim.loss_fen) - claim.recovered_to_fund_fen;
  if (due <= 0) return std::nullopt;
  ASSIGN_OR_RETURN(const RiskFund fund, LockFund(m.tx(), claim.fund_id));
  FundMovement share;
  share.kind = FundMovementKind::kRecovery;
  share.amount_fen = due;
  share.value_date = value_date;
  share.reference = reference;
  share.claim_id = claim.id;
  share.loan_id = claim.loan_id;
  ASSIGN_OR_RETURN(FundChange returned, Move(m, fund, std::move(share)));
  claim.recovered_to_fund_fen += due;
  claim.version += 1;
  claim.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateClaim(m.tx(), claim));
  return returned;
}

absl::Status RequireFundReadable(OrgView& org, const auth::Principal& caller, const RiskFund& fund) {
  ASSIGN_OR_RETURN(const std::optional<std::vector<std::string>> counties, ReadableCounties(org, caller, {fund}));
  if (!counties || !counties->empty()) return absl::OkStatus();
  return rpc::PermissionDenied(absl::StrCat(caller.subject, " does not read ", FundName(fund.id)));
}

absl::StatusOr<std::optional<std::vector<std::string>>> ReadableCounties(OrgView& org, const auth::Principal& caller,
                                                                        const std::vector<RiskFund>& funds) {
  if (ReadsAll(caller)) return std::nullopt;
  std::vector<std::string> counties;
  if (CallerUnitId(caller).empty()) return counties;
  ASSIGN_OR_RETURN(const UnitLineage lineage, CallerLineage(org, caller));
  const org_directory::UnitLink* county = lineage.Nearest(type::v1::LEVEL_COUNTY);
  if (county) counties.push_back(county->id);
  for (const RiskFund& f : funds) {
    if (lineage.Within(f.finance_bureau_id) || lineage.Within(f.poverty_office_id)) counties.push_back(f.county_id);
  }
  return counties;
}

}  // namespace huinong::loans
