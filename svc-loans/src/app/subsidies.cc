// See subsidies.h. Every step locks the claim's row (FOR UPDATE), so two
// steps on one claim run one after the other and the second sees the
// first's state; an apply locks the loan's row for the same reason.
#include "svc-loans/src/app/subsidies.h"

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/validate.h"
#include "common/rpc/status_details.h"
#include "svc-loans/src/app/access.h"
#include "svc-loans/src/app/application_load.h"
#include "svc-loans/src/app/repayments.h"
#include "svc-loans/src/store/borrower_store.h"
#include "svc-loans/src/store/loan_store.h"
#include "svc-loans/src/store/report_snapshot_store.h"
#include "svc-loans/src/store/subsidy_store.h"

namespace huinong::loans {
namespace {

constexpr char kCheck[] = "loans.subsidy.check.township";
constexpr char kReview[] = "loans.subsidy.review.county";
constexpr char kPay[] = "loans.subsidy.pay";

std::string ClaimName(const std::string& id) { return rpc::FormatName("subsidyClaims", id); }
std::string LoanName(const std::string& id) { return rpc::FormatName("loans", id); }

absl::Status Forfeited(const std::string& loan_id) {
  return rpc::FailedPrecondition("SUBSIDY_FORFEITED",
                                 absl::StrCat(LoanName(loan_id),
                                              " lost its subsidy: a claim was clawed back for a diverted or "
                                              "fraudulently obtained loan (000:1603)"));
}

absl::Status NotForfeited(server::Mutation& m, const std::string& loan_id) {
  ASSIGN_OR_RETURN(const bool forfeited, store::SubsidyForfeited(m.tx(), loan_id));
  return forfeited ? Forfeited(loan_id) : absl::OkStatus();
}

// One of the capabilities, each for its unit: the first refusal when none holds.
struct Grant {
  const char* capability;
  const std::string* unit_id;
};
absl::Status RequireOneOf(org_directory::OrgView& org, const server::Mutation& m, std::initializer_list<Grant> grants) {
  absl::Status first;
  for (const Grant& g : grants) {
    absl::Status s = RequireCapability(org, m.caller(), g.capability, *g.unit_id, m.today());
    if (s.ok()) return s;
    if (!absl::IsPermissionDenied(s)) return s;  // svc-org unreachable is not a refusal
    if (first.ok()) first = s;
  }
  return first;
}

// The claim, locked, its etag checked.
absl::StatusOr<SubsidyClaimRecord> Lock(server::Mutation& m, const SubsidyStepOrder& order) {
  ASSIGN_OR_RETURN(std::optional<SubsidyClaimRecord> found, store::GetSubsidyClaim(m.tx(), order.claim_id, true));
  if (!found) return rpc::NotFound(ClaimName(order.claim_id));
  if (!order.etag.empty()) RETURN_IF_ERROR(rpc::CheckEtag(order.etag, found->version, ClaimName(order.claim_id)));
  return *std::move(found);
}

// Runs `apply` on the locked claim (authorized by `authorize` first) and writes it.
template <class Authorize, class Apply>
absl::StatusOr<SubsidyChange> Step(server::Mutation& m, const SubsidyStepOrder& order, Authorize&& authorize,
                                   Apply&& apply) {
  ASSIGN_OR_RETURN(SubsidyClaimRecord claim, Lock(m, order));
  RETURN_IF_ERROR(authorize(claim));
  SubsidyChange change{claim, claim};
  RETURN_IF_ERROR(apply(change.after));
  change.after.version += 1;
  change.after.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateSubsidyClaim(m.tx(), change.after));
  return change;
}

// Stamps a step with who and when.
SubsidyStep Decided(const server::Mutation& m, SubsidyStep step) {
  step.decided_by = m.caller().subject;
  step.decide_time = m.now();
  return step;
}

}  // namespace

absl::StatusOr<SubsidyChange> ApplyForSubsidy(server::Mutation& m, org_directory::OrgView& org,
                                              SubsidyApplication a) {
  ASSIGN_OR_RETURN(const std::optional<Loan> seen, store::GetLoan(m.tx(), a.loan_id));
  if (!seen) return rpc::NotFound(LoanName(a.loan_id));
  RETURN_IF_ERROR(RequireCapability(org, m.caller(), "loans.intake", seen->place.unit_id, m.today()));
  ASSIGN_OR_RETURN(const std::optional<Loan> locked, store::GetLoan(m.tx(), a.loan_id, /*for_update=*/true));
  if (!locked) return rpc::NotFound(LoanName(a.loan_id));
  const Loan& loan = *locked;

  rpc::Violations v;
  if (a.period.start < loan.disbursement_date) {
    v.Add("claim.period.start", absl::StrCat("not before the loan's disbursement, ",
                                             absl::FormatCivilTime(loan.disbursement_date)));
  }
  if (a.period.end > m.today()) {
    v.Add("claim.period.end", absl::StrCat("not after today, ", absl::FormatCivilTime(m.today())));
  }
  RETURN_IF_ERROR(v.ToStatus());
  RETURN_IF_ERROR(NotForfeited(m, loan.id));

  ASSIGN_OR_RETURN(const CountyPolicy policy, LoadPolicyInForce(m.tx(), loan.place.county_id, m.today()));
  ASSIGN_OR_RETURN(const LoanStanding standing, StandingOn(m.tx(), loan, m.today()));
  RETURN_IF_ERROR(CheckSubsidyDue(policy, standing.replay.position, a.period, m.today()));

  ASSIGN_OR_RETURN(const std::vector<SubsidyClaimRecord> claims, store::LoanSubsidyClaims(m.tx(), loan.id, false));
  for (const SubsidyClaimRecord& c : claims) {
    if (c.state == SubsidyClaimState::kRejected || !Overlap(c.period, a.period)) continue;
    return rpc::FailedPrecondition(
        "PERIOD_OVERLAP", absl::StrCat(ClaimName(c.id), " already claims ", absl::FormatCivilTime(c.period.start),
                                       " to ", absl::FormatCivilTime(c.period.end), " of ", LoanName(loan.id)));
  }
  const int64_t paid = InterestPaidIn(standing.replay.allocations, a.period);
  if (a.interest_paid_fen > paid) {
    return rpc::FailedPrecondition(
        "VOUCHERS_MISMATCH", absl::StrCat("the vouchers show ", a.interest_paid_fen, " fen of interest; the loan's "
                                          "repayments paid ", paid, " fen in the period"));
  }

  ASSIGN_OR_RETURN(const std::optional<Borrower> borrower, store::GetBorrower(m.tx(), loan.place.borrower_id));
  SubsidisedLoan subsidised;
  subsidised.borrower_type = loan.borrower_type;
  subsidised.product_kind = loan.product_kind;
  subsidised.poor_households_lifted = borrower ? borrower->poor_households_lifted : 0;
  subsidised.day_count = loan.day_count;
  subsidised.principal = PrincipalSteps(loan.principal_fen, loan.disbursement_date, standing.replay.allocations);

  SubsidyClaimRecord claim;
  claim.id = NewUlid();
  claim.loan_id = loan.id;
  claim.borrower_id = loan.place.borrower_id;
  claim.unit_id = loan.place.unit_id;
  claim.township_id = loan.place.township_id;
  claim.county_id = loan.place.county_id;
  claim.period = a.period;
  claim.interest_paid_fen = a.interest_paid_fen;
  claim.vouchers = std::move(a.vouchers);
  claim.bank_card_number = std::move(a.bank_card_number);
  claim.computation = ComputeSubsidy(policy, subsidised, a.period, a.interest_paid_fen);
  claim.policy_id = policy.id;
  claim.request_id = m.request_id();
  claim.create_time = claim.update_time = m.now();
  RETURN_IF_ERROR(store::InsertSubsidyClaim(m.tx(), claim));
  return SubsidyChange{std::nullopt, std::move(claim)};
}

absl::StatusOr<SubsidyChange> CheckSubsidyClaim(server::Mutation& m, org_directory::OrgView& org,
                                                const SubsidyStepOrder& order, SubsidyStep step) {
  return Step(
      m, order,
      [&](const SubsidyClaimRecord& c) -> absl::Status {
        RETURN_IF_ERROR(RequireCapability(org, m.caller(), kCheck, c.unit_id, m.today()));
        return NotForfeited(m, c.loan_id);
      },
      [&](SubsidyClaimRecord& c) { return CheckClaim(c, Decided(m, std::move(step))); });
}

absl::StatusOr<SubsidyChange> ReviewSubsidyClaim(server::Mutation& m, org_directory::OrgView& org,
                                                 const SubsidyStepOrder& order, SubsidyStep step,
                                                 domain::DocumentRef notice,
                                                 std::optional<absl::CivilDay> notice_start) {
  return Step(
      m, order,
      [&](const SubsidyClaimRecord& c) -> absl::Status {
        RETURN_IF_ERROR(RequireCapability(org, m.caller(), kReview, c.county_id, m.today()));
        return NotForfeited(m, c.loan_id);
      },
      [&](SubsidyClaimRecord& c) -> absl::Status {
        ASSIGN_OR_RETURN(const CountyPolicy policy, LoadPolicyInForce(m.tx(), c.county_id, m.today()));
        return ReviewClaim(c, Decided(m, std::move(step)), std::move(notice), notice_start,
                           policy.subsidy_notice_days, m.today(), "notice_start_date");
      });
}

absl::StatusOr<SubsidyChange> FileSubsidyObjection(server::Mutation& m, org_directory::OrgView& org,
                                                   const SubsidyStepOrder& order, SubsidyObjection objection) {
  return Step(
      m, order,
      [&](const SubsidyClaimRecord& c) {
        return RequireOneOf(org, m, {{kReview, &c.county_id}, {kCheck, &c.unit_id}});
      },
      [&](SubsidyClaimRecord& c) {
        objection.recorded_by = m.caller().subject;
        objection.record_time = m.now();
        return ObjectToClaim(c, std::move(objection), m.today());
      });
}

absl::StatusOr<SubsidyChange> PaySubsidyClaim(server::Mutation& m, org_directory::OrgView& org,
                                              const SubsidyStepOrder& order, SubsidyPayment payment) {
  ASSIGN_OR_RETURN(SubsidyChange change, Step(
      m, order,
      [&](const SubsidyClaimRecord& c) -> absl::Status {
        RETURN_IF_ERROR(RequireCapability(org, m.caller(), kPay, c.county_id, m.today()));
        return NotForfeited(m, c.loan_id);
      },
      [&](SubsidyClaimRecord& c) {
        payment.paid_by = m.caller().subject;
        payment.record_time = m.now();
        return PayClaim(c, std::move(payment), m.today(), "paid_date");
      }));
  // Paid on an earlier date: the reports of that date's closed periods change.
  RETURN_IF_ERROR(store::ForgetReportsFrom(m.tx(), change.after.county_id, change.after.payment->paid_date));
  return change;
}

absl::StatusOr<SubsidyChange> RejectSubsidyClaim(server::Mutation& m, org_directory::OrgView& org,
                                                 const SubsidyStepOrder& order, std::string reason) {
  return Step(
      m, order,
      [&](const SubsidyClaimRecord& c) {
        // The township rejects only what it has not passed on.
        if (c.state != SubsidyClaimState::kSubmitted) return RequireCapability(org, m.caller(), kReview, c.county_id, m.today());
        return RequireOneOf(org, m, {{kReview, &c.county_id}, {kCheck, &c.unit_id}});
      },
      [&](SubsidyClaimRecord& c) {
        return RejectClaim(c, SubsidyRejection{std::move(reason), m.caller().subject, m.now()});
      });
}

absl::StatusOr<SubsidyChange> ClawBackSubsidy(server::Mutation& m, org_directory::OrgView& org,
                                              const SubsidyStepOrder& order, SubsidyClawback clawback) {
  return Step(
      m, order,
      [&](const SubsidyClaimRecord& c) {
        return RequireOneOf(org, m, {{kReview, &c.county_id}, {kPay, &c.county_id}});
      },
      [&](SubsidyClaimRecord& c) {
        clawback.recorded_by = m.caller().subject;
        clawback.record_time = m.now();
        return ClawBackClaim(c, std::move(clawback), "amount");
      });
}

}  // namespace huinong::loans
