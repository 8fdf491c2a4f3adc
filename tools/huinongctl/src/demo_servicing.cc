// The servicing history of `huinongctl demo load`; see demo_servicing.h.
#include "tools/huinongctl/src/demo_servicing.h"

#include <algorithm>
#include <iostream>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/status_macros.h"
#include "tools/huinongctl/src/demo_lending_terms.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

namespace v1 = ::huinong::loans::v1;
using Servicing = v1::ServicingService::Stub;
using Funds = v1::RiskFundService::Stub;
using Subsidies = v1::SubsidyService::Stub;
using Cob = v1::CloseOfBusinessService::Stub;

namespace {

absl::CivilDay Day(const type::v1::Date& date) { return absl::CivilDay(date.year(), date.month(), date.day()); }

std::string IdOf(const std::string& name) { return name.substr(name.rfind('/') + 1); }

class ServicingLoad {
 public:
  ServicingLoad(DemoDesks& desks, DemoLoad& load, absl::CivilDay today,
                const std::map<std::string, v1::Application>& applications)
      : desks_(desks), load_(load), today_(today), applications_(applications),
        county_(desks.people().units.at(1)) {}

  absl::Status Run() {
    RETURN_IF_ERROR(EnsureFund());
    absl::CivilDay disbursed = today_;
    for (const DemoServicedLoan& demo : DemoServicingPlan()) {
      ASSIGN_OR_RETURN(std::vector<v1::Loan> loans, LoansOf(demo));
      for (const v1::Loan& loan : loans) disbursed = std::min(disbursed, Day(loan.disbursement_date()));
      loans_[demo.application] = std::move(loans);
    }
    // The county's close of business starts the day before the history.
    ASSIGN_OR_RETURN(const v1::CloseOfBusinessStatus status, CobStatus());
    if (!status.has_last_closed_date()) RETURN_IF_ERROR(CloseThrough(disbursed - 1));
    for (const auto& [key, loans] : loans_) {
      for (const v1::Loan& loan : loans) {
        const absl::CivilDay from = Day(loan.disbursement_date());
        if (today_ < from + kDemoHistoryDays) {
          std::cerr << "demo load: the servicing history waits until " << (from + kDemoHistoryDays)
                    << " (its loans were disbursed on " << from
                    << "); scripts/up.sh loads it on fresh data with the clock behind\n";
          return absl::OkStatus();
        }
      }
    }
    RETURN_IF_ERROR(Repay());
    RETURN_IF_ERROR(CloseThrough(today_ - 1));
    for (const DemoServicedLoan& demo : DemoServicingPlan()) {
      const v1::Loan& loan = loans_.at(demo.application).front();
      absl::Status s = absl::OkStatus();
      if (demo.standing == DemoStanding::kWrittenOff) s = WriteOff(demo, loan);
      if (s.ok() && demo.subsidy) s = Subsidy(demo, loan);
      if (s.ok() && demo.extend_months > 0) s = Extend(demo, loan);
      for (size_t i = 0; s.ok() && i < demo.visits.size(); ++i) s = Visit(demo, loan, demo.visits[i], i + 1);
      if (!s.ok()) return Rephrased(s, absl::StrCat(demo.application, ": ", s.message()));
    }
    return absl::OkStatus();
  }

 private:
  // ---- the county's risk fund ----

  absl::Status EnsureFund() {
    ASSIGN_OR_RETURN(const LoansClient* policy, desks_.As("county.policy"));
    v1::CreateRiskFundRequest request;
    request.set_request_id("demo:risk-fund:guan");
    v1::RiskFund& f = *request.mutable_fund();
    f.set_county(county_);
    f.set_title("固安县扶贫小额信贷风险补偿金");
    f.set_finance_bureau(desks_.people().units.at(103));
    f.set_poverty_office(desks_.people().units.at(104));
    absl::StatusOr<v1::RiskFund> fund = policy->Call<v1::RiskFund>(&Funds::CreateRiskFund, request);
    if (DemoAlreadyMade(fund.status())) {
      v1::ListRiskFundsRequest list;
      list.set_county(county_);
      ASSIGN_OR_RETURN(const v1::ListRiskFundsResponse found,
                       policy->Call<v1::ListRiskFundsResponse>(&Funds::ListRiskFunds, list));
      if (!found.funds().empty()) fund = found.funds(0);
    }
    if (!fund.ok()) return Rephrased(fund.status(), absl::StrCat("risk fund: ", fund.status().message()));
    load_.Count("risk funds", fund->create_time());
    fund_ = fund->name();
    // As it stands now: a replayed create answers with the fund as first made.
    v1::GetRiskFundRequest get;
    get.set_name(fund_);
    ASSIGN_OR_RETURN(fund, policy->Call<v1::RiskFund>(&Funds::GetRiskFund, get));
    ASSIGN_OR_RETURN(const LoansClient* finance, desks_.As("fin.fund"));
    if (fund->total_contributions().fen() == 0) {
      v1::RecordFundContributionRequest r;
      r.set_request_id("demo:fund-contribution:guan");
      r.set_name(fund_);
      v1::FundTransaction& t = *r.mutable_transaction();
      t.set_kind(v1::FUND_TRANSACTION_KIND_CONTRIBUTION);
      *t.mutable_amount() = Yuan(kDemoFundContributionYuan);
      *t.mutable_value_date() = DateOf(today_);
      t.set_reference("GACZ-FXBC-001");
      t.set_note("县财政注入扶贫小额信贷风险补偿金700万元（演示数据）");
      absl::StatusOr<v1::FundTransaction> made = finance->Call<v1::FundTransaction>(&Funds::RecordFundContribution, r);
      if (!made.ok()) return Rephrased(made.status(), absl::StrCat("fund contribution: ", made.status().message()));
    }
    v1::ListFundTransactionsRequest list;
    list.set_name(fund_);
    ASSIGN_OR_RETURN(const v1::ListFundTransactionsResponse moves,
                     finance->Call<v1::ListFundTransactionsResponse>(&Funds::ListFundTransactions, list));
    for (const v1::FundTransaction& t : moves.transactions()) {
      if (t.kind() == v1::FUND_TRANSACTION_KIND_CONTRIBUTION) load_.Count("fund contributions", t.record_time());
    }
    return absl::OkStatus();
  }

  // ---- the loans ----

  // Every loan of the application: its disbursement, and a credit line's draws.
  absl::StatusOr<std::vector<v1::Loan>> LoansOf(const DemoServicedLoan& demo) {
    const auto found = applications_.find(demo.application);
    if (found == applications_.end() || found->second.loan().empty()) {
      return absl::FailedPreconditionError(absl::StrCat("application ", demo.application, " is not disbursed"));
    }
    const v1::Application& application = found->second;
    ASSIGN_OR_RETURN(const LoansClient* bank, desks_.As(DemoBankPost(DemoApplicationOf(demo.application))));
    v1::ListLoansRequest list;
    if (application.credit_line().empty()) {
      v1::GetLoanRequest get;
      get.set_name(application.loan());
      ASSIGN_OR_RETURN(v1::Loan loan, bank->Call<v1::Loan>(&Servicing::GetLoan, get));
      return std::vector<v1::Loan>{std::move(loan)};
    }
    list.set_credit_line(application.credit_line());
    ASSIGN_OR_RETURN(const v1::ListLoansResponse loans, bank->Call<v1::ListLoansResponse>(&Servicing::ListLoans, list));
    return std::vector<v1::Loan>(loans.loans().begin(), loans.loans().end());
  }

  absl::StatusOr<v1::Loan> Reload(const LoansClient& loans, const v1::Loan& loan) {
    v1::GetLoanRequest get;
    get.set_name(loan.name());
    return loans.Call<v1::Loan>(&Servicing::GetLoan, get);
  }

  // A repayment still to record: an instalment paid on its due date, or a payoff.
  struct Payment {
    absl::CivilDay value_date;
    std::string loan;
    std::string what;  // the instalment's index, or "payoff"
    int64_t fen = 0;   // 0 for a payoff: quoted when its turn comes
    std::string bank;  // the lending bank's post
  };

  // Every loan's repayments in the order of their value dates (a payoff is
  // quoted after the instalments before it). Recorded before the close of
  // business runs over the past days: closing them first would find every
  // loan unpaid, non-performing, and 柳泉镇 suspended. Each repayment
  // classifies its loan as of today, and none leaves one non-performing on
  // the way (the first leaves a current loan 73 days past due, the history
  // being 135 days). They are booked before the close of business has
  // closed those days, so it takes each on its value date (docs/servicing.md).
  absl::Status Repay() {
    std::vector<Payment> payments;
    for (const DemoServicedLoan& demo : DemoServicingPlan()) {
      for (const v1::Loan& loan : loans_.at(demo.application)) {
        absl::Status s = Plan(demo, loan, payments);
        if (!s.ok()) return Rephrased(s, absl::StrCat("repayments of ", demo.application, ": ", s.message()));
      }
    }
    std::sort(payments.begin(), payments.end(), [](const Payment& a, const Payment& b) {
      return std::tie(a.value_date, a.loan, a.what) < std::tie(b.value_date, b.loan, b.what);
    });
    for (const Payment& p : payments) {
      ASSIGN_OR_RETURN(const LoansClient* bank, desks_.As(p.bank));
      int64_t fen = p.fen;
      if (p.what == "payoff") {
        v1::GetPayoffQuoteRequest quote;
        quote.set_name(p.loan);
        *quote.mutable_as_of() = DateOf(p.value_date);
        ASSIGN_OR_RETURN(const v1::PayoffQuote payoff, bank->Call<v1::PayoffQuote>(&Servicing::GetPayoffQuote, quote));
        fen = payoff.total().fen();
      }
      absl::Status s = Record(*bank, p, fen);
      if (!s.ok()) return Rephrased(s, absl::StrCat("repayment ", p.what, " of ", p.loan, ": ", s.message()));
    }
    for (const auto& [key, loans] : loans_) {
      for (const v1::Loan& loan : loans) {
        ASSIGN_OR_RETURN(const LoansClient* bank, desks_.As(DemoBankPost(DemoApplicationOf(key))));
        v1::ListRepaymentsRequest list;
        list.set_name(loan.name());
        list.set_page_size(500);
        ASSIGN_OR_RETURN(const v1::ListRepaymentsResponse made,
                         bank->Call<v1::ListRepaymentsResponse>(&Servicing::ListRepayments, list));
        for (const v1::Repayment& r : made.repayments()) load_.Count("repayments", r.record_time());
      }
    }
    return absl::OkStatus();
  }

  // The loan's repayments its standing calls for and not yet recorded: the
  // instalments due by kDemoHistoryDays after the disbursement (current), the
  // first kDemoOverduePaidInstalments (overdue), those due before the payoff
  // and the payoff kDemoSettledAfterDays after it (settled); none for a loan
  // to be non-performing or written off.
  absl::Status Plan(const DemoServicedLoan& demo, const v1::Loan& loan, std::vector<Payment>& payments) {
    const std::string bank_post = DemoBankPost(DemoApplicationOf(demo.application));
    ASSIGN_OR_RETURN(const LoansClient* bank, desks_.As(bank_post));
    const absl::CivilDay disbursed = Day(loan.disbursement_date());
    absl::CivilDay paid_through = disbursed;
    int instalments = 0;  // at most this many; 0: no limit
    switch (demo.standing) {
      case DemoStanding::kCurrent: paid_through = disbursed + kDemoHistoryDays; break;
      case DemoStanding::kOverdue:
        paid_through = disbursed + kDemoHistoryDays;
        instalments = kDemoOverduePaidInstalments;
        break;
      case DemoStanding::kSettled: paid_through = disbursed + kDemoSettledAfterDays; break;
      case DemoStanding::kNonPerforming:
      case DemoStanding::kWrittenOff: return absl::OkStatus();
    }
    ASSIGN_OR_RETURN(const v1::Loan now, Reload(*bank, loan));
    if (now.status() != v1::LOAN_STATUS_ACTIVE) return absl::OkStatus();  // settled by an earlier run
    v1::GetRepaymentScheduleRequest get;
    get.set_name(loan.name());
    ASSIGN_OR_RETURN(const v1::RepaymentSchedule schedule,
                     bank->Call<v1::RepaymentSchedule>(&Servicing::GetRepaymentSchedule, get));
    for (const v1::Instalment& i : schedule.instalments()) {
      if (Day(i.due_date()) > paid_through || (instalments > 0 && i.index() > instalments)) break;
      if (i.state() == v1::INSTALMENT_STATE_PAID) continue;
      const int64_t owed = i.interest_due().fen() - i.interest_paid().fen() + i.principal_due().fen() -
                           i.principal_paid().fen();
      payments.push_back({Day(i.due_date()), loan.name(), absl::StrCat(i.index()), owed, bank_post});
    }
    if (demo.standing == DemoStanding::kSettled) payments.push_back({paid_through, loan.name(), "payoff", 0, bank_post});
    return absl::OkStatus();
  }

  absl::Status Record(const LoansClient& bank, const Payment& p, int64_t fen) {
    v1::RecordRepaymentRequest r;
    r.set_request_id(absl::StrCat("demo:repayment:", IdOf(p.loan), ":", p.what));
    r.set_name(p.loan);
    v1::Repayment& repayment = *r.mutable_repayment();
    repayment.mutable_amount()->set_fen(fen);
    *repayment.mutable_value_date() = DateOf(p.value_date);
    repayment.set_bank_reference(absl::StrCat("DEMO-", IdOf(p.loan), "-", p.what));
    return bank.Call<v1::Repayment>(&Servicing::RecordRepayment, r).status();
  }

  // ---- the close of business: read by the county director (loans.review.county), run by the
  // operator (the caller: no demo post holds loans.cob.run) ----

  absl::StatusOr<v1::CloseOfBusinessStatus> CobStatus() {
    ASSIGN_OR_RETURN(const LoansClient* op, desks_.As("county.director"));
    v1::GetCloseOfBusinessStatusRequest get;
    get.set_county(county_);
    return op->Call<v1::CloseOfBusinessStatus>(&Cob::GetCloseOfBusinessStatus, get);
  }

  // Returns once the county is closed through `through`: runs the job, or
  // waits for the replica running it (svc-loans' own schedule).
  absl::Status CloseThrough(absl::CivilDay through) {
    ASSIGN_OR_RETURN(const LoansClient* op, desks_.Operator());
    const absl::Time give_up = absl::Now() + absl::Minutes(5);
    while (true) {
      ASSIGN_OR_RETURN(const v1::CloseOfBusinessStatus status, CobStatus());
      if (status.has_last_closed_date() && Day(status.last_closed_date()) >= through && !status.running()) {
        return absl::OkStatus();
      }
      if (!status.running()) {
        v1::RunCloseOfBusinessRequest run;
        run.set_request_id(absl::StrCat("demo:close-of-business:", absl::FormatCivilTime(through)));
        run.set_county(county_);
        *run.mutable_through() = DateOf(through);
        const absl::Status ran = op->Call<v1::CloseOfBusinessStatus>(&Cob::RunCloseOfBusiness, run).status();
        if (ran.ok()) continue;
        // Another replica holds the lease, or the call outlived its deadline
        // while the job goes on: wait for it.
        if (!absl::IsAborted(ran) && !absl::IsDeadlineExceeded(ran) && !absl::IsUnavailable(ran)) {
          return Rephrased(ran, absl::StrCat("close of business through ", absl::FormatCivilTime(through), ": ",
                                             ran.message()));
        }
      }
      if (absl::Now() > give_up) {
        return absl::DeadlineExceededError(absl::StrCat("the close of business did not reach ",
                                                        absl::FormatCivilTime(through), " in 5 minutes"));
      }
      absl::SleepFor(absl::Milliseconds(500));
    }
  }

  // ---- the written-off loan and its compensation claim ----

  absl::Status WriteOff(const DemoServicedLoan& demo, const v1::Loan& first) {
    const std::string bank_post = DemoBankPost(DemoApplicationOf(demo.application));
    ASSIGN_OR_RETURN(const LoansClient* bank, desks_.As(bank_post));
    ASSIGN_OR_RETURN(v1::Loan loan, Reload(*bank, first));
    if (loan.status() == v1::LOAN_STATUS_ACTIVE && loan.write_off().state() != v1::WRITE_OFF_STATE_REQUESTED) {
      v1::RequestWriteOffRequest r;
      r.set_request_id("demo:write-off:" + IdOf(loan.name()));
      r.set_name(loan.name());
      *r.mutable_date() = DateOf(today_);
      r.set_reason("借款人家中肉兔遭遇疫病全部死亡，无其他收入来源，经催收确无还款能力");
      *r.add_documents() =
          DemoDocument("write_off_decision", "HX-" + demo.application, "write-offs/" + demo.application + ".pdf");
      ASSIGN_OR_RETURN(loan, bank->Call<v1::Loan>(&Servicing::RequestWriteOff, r));
    }
    if (loan.status() == v1::LOAN_STATUS_ACTIVE && loan.write_off().state() == v1::WRITE_OFF_STATE_REQUESTED) {
      ASSIGN_OR_RETURN(const LoansClient* county, desks_.As("county.director"));
      v1::ApproveWriteOffRequest r;
      r.set_request_id("demo:write-off-approval:" + IdOf(loan.name()));
      r.set_name(loan.name());
      r.set_comment("经核实，同意核销，启动风险补偿");
      ASSIGN_OR_RETURN(loan, county->Call<v1::Loan>(&Servicing::ApproveWriteOff, r));
    }
    load_.Count("write-offs", loan.write_off().record_time());
    return Compensate(loan);
  }

  absl::StatusOr<v1::CompensationClaim> ClaimOf(const LoansClient& reader, const v1::Loan& loan) {
    v1::ListCompensationClaimsRequest list;
    list.set_loan(loan.name());
    ASSIGN_OR_RETURN(const v1::ListCompensationClaimsResponse claims,
                     reader.Call<v1::ListCompensationClaimsResponse>(&Funds::ListCompensationClaims, list));
    if (claims.claims().empty()) return absl::NotFoundError("no compensation claim of " + loan.name());
    return claims.claims(0);
  }

  // Reviewed by the poverty office, then the finance bureau, and paid.
  absl::Status Compensate(const v1::Loan& loan) {
    ASSIGN_OR_RETURN(const LoansClient* finance, desks_.As("fin.fund"));
    ASSIGN_OR_RETURN(const LoansClient* poverty, desks_.As("pov.fund"));
    ASSIGN_OR_RETURN(v1::CompensationClaim claim, ClaimOf(*finance, loan));
    const auto review = [&](const LoansClient& who, v1::ReviewParty party, const char* step,
                            const char* comment) -> absl::StatusOr<v1::CompensationClaim> {
      v1::ReviewCompensationClaimRequest r;
      r.set_request_id(absl::StrCat("demo:", step, ":", IdOf(claim.name())));
      r.set_name(claim.name());
      r.set_party(party);
      r.set_comment(comment);
      return who.Call<v1::CompensationClaim>(&Funds::ReviewCompensationClaim, r);
    };
    using C = v1::CompensationClaimState;
    if (claim.state() == C::COMPENSATION_CLAIM_STATE_SUBMITTED ||
        claim.state() == C::COMPENSATION_CLAIM_STATE_FINANCE_BUREAU_APPROVED) {
      ASSIGN_OR_RETURN(claim, review(*poverty, v1::REVIEW_PARTY_POVERTY_OFFICE, "claim-review-poverty",
                                     "建档立卡贫困户扶贫小额信贷，符合风险补偿条件"));
    }
    if (claim.state() == C::COMPENSATION_CLAIM_STATE_POVERTY_OFFICE_APPROVED) {
      ASSIGN_OR_RETURN(claim, review(*finance, v1::REVIEW_PARTY_FINANCE_BUREAU, "claim-review-finance",
                                     "核销手续齐全，同意按比例补偿"));
    }
    if (claim.state() == C::COMPENSATION_CLAIM_STATE_APPROVED) {
      v1::PayCompensationClaimRequest r;
      r.set_request_id("demo:claim-payment:" + IdOf(claim.name()));
      r.set_name(claim.name());
      *r.mutable_value_date() = DateOf(today_);
      r.set_reference("GACZ-FXBC-" + IdOf(claim.name()).substr(0, 8));
      ASSIGN_OR_RETURN(claim, finance->Call<v1::CompensationClaim>(&Funds::PayCompensationClaim, r));
    }
    load_.Count("compensation claims", claim.create_time());
    return absl::OkStatus();
  }

  // ---- the settled loan's interest subsidy, up to its public notice ----

  absl::Status Subsidy(const DemoServicedLoan& demo, const v1::Loan& first) {
    const DemoApplication& application = DemoApplicationOf(demo.application);
    const DemoBorrower& borrower = DemoBorrowerOf(application);
    ASSIGN_OR_RETURN(const LoansClient* intake, desks_.As(DemoIntakePost(borrower)));
    ASSIGN_OR_RETURN(const v1::Loan loan, Reload(*intake, first));
    v1::ListSubsidyClaimsRequest list;
    list.set_loan(loan.name());
    ASSIGN_OR_RETURN(const v1::ListSubsidyClaimsResponse claims,
                     intake->Call<v1::ListSubsidyClaimsResponse>(&Subsidies::ListSubsidyClaims, list));
    v1::SubsidyClaim claim;
    for (const v1::SubsidyClaim& c : claims.claims()) {
      if (c.state() != v1::SUBSIDY_CLAIM_STATE_REJECTED) claim = c;
    }
    if (claim.name().empty()) {
      v1::ApplyForSubsidyRequest r;
      r.set_request_id("demo:subsidy:" + IdOf(loan.name()));
      v1::SubsidyClaim& c = *r.mutable_claim();
      c.set_loan(loan.name());
      const absl::CivilDay from = Day(loan.disbursement_date());
      *c.mutable_period()->mutable_start() = DateOf(from);
      *c.mutable_period()->mutable_end() = DateOf(from + kDemoSettledAfterDays);
      *c.mutable_interest_paid() = loan.interest_paid();
      *c.add_vouchers() = DemoDocument("repayment_voucher", "", "subsidy-vouchers/" + demo.application + ".pdf");
      c.set_bank_card_number(borrower.borrower.settlement_account().account_number());
      ASSIGN_OR_RETURN(claim, intake->Call<v1::SubsidyClaim>(&Subsidies::ApplyForSubsidy, r));
    }
    if (claim.state() == v1::SUBSIDY_CLAIM_STATE_SUBMITTED) {
      ASSIGN_OR_RETURN(const LoansClient* township, desks_.As(DemoTownshipDirectorPost(borrower)));
      v1::CheckSubsidyClaimRequest r;
      r.set_request_id("demo:subsidy-check:" + IdOf(claim.name()));
      r.set_name(claim.name());
      r.set_etag(claim.etag());
      r.set_comment("还款凭证与银行流水核对一致，贷款已按期结清");
      ASSIGN_OR_RETURN(claim, township->Call<v1::SubsidyClaim>(&Subsidies::CheckSubsidyClaim, r));
    }
    if (claim.state() == v1::SUBSIDY_CLAIM_STATE_CHECKED) {
      ASSIGN_OR_RETURN(const LoansClient* county, desks_.As("county.reviewer"));
      v1::ReviewSubsidyClaimRequest r;
      r.set_request_id("demo:subsidy-review:" + IdOf(claim.name()));
      r.set_name(claim.name());
      r.set_etag(claim.etag());
      r.set_comment("扶贫办联审通过，予以公示");
      *r.mutable_notice() = DemoDocument("subsidy_notice", "", "subsidy-notices/" + demo.application + ".pdf");
      ASSIGN_OR_RETURN(claim, county->Call<v1::SubsidyClaim>(&Subsidies::ReviewSubsidyClaim, r));
    }
    load_.Count("subsidy claims", claim.create_time());
    return absl::OkStatus();
  }

  // ---- the extension and the return visits ----

  absl::Status Extend(const DemoServicedLoan& demo, const v1::Loan& first) {
    ASSIGN_OR_RETURN(const LoansClient* bank, desks_.As(DemoBankPost(DemoApplicationOf(demo.application))));
    ASSIGN_OR_RETURN(v1::Loan loan, Reload(*bank, first));
    if (loan.extensions().empty()) {
      v1::ExtendLoanRequest r;
      r.set_request_id("demo:extension:" + IdOf(loan.name()));
      r.set_name(loan.name());
      r.set_etag(loan.etag());
      r.set_months(demo.extend_months);
      r.set_reason("冷库投产晚于计划，销售回款周期延长，经担保公司同意展期");
      *r.mutable_document() =
          DemoDocument("extension_agreement", "ZQ-" + demo.application, "extensions/" + demo.application + ".pdf");
      ASSIGN_OR_RETURN(loan, bank->Call<v1::Loan>(&Servicing::ExtendLoan, r));
    }
    load_.Count("extensions", loan.extensions(0).record_time());
    return absl::OkStatus();
  }

  absl::Status Visit(const DemoServicedLoan& demo, const v1::Loan& loan, const DemoReturnVisit& visit, size_t number) {
    const DemoApplication& application = DemoApplicationOf(demo.application);
    const std::string agent = DemoIntakePost(DemoBorrowerOf(application));
    const std::string bank = DemoBankPost(application);
    ASSIGN_OR_RETURN(const LoansClient* intake, desks_.As(agent));
    v1::ListReturnVisitsRequest list;
    list.set_name(loan.name());
    ASSIGN_OR_RETURN(const v1::ListReturnVisitsResponse visits,
                     intake->Call<v1::ListReturnVisitsResponse>(&Servicing::ListReturnVisits, list));
    if (static_cast<size_t>(visits.visits_size()) < number) {
      v1::RecordReturnVisitRequest r;
      r.set_request_id(absl::StrCat("demo:return-visit:", IdOf(loan.name()), ":", number));
      r.set_name(loan.name());
      v1::ReturnVisit& v = *r.mutable_visit();
      *v.mutable_visit_date() = DateOf(Day(loan.disbursement_date()) + visit.after_days);
      v.add_visitors(desks_.Holder(agent).staff);
      v.add_visitors(desks_.Holder(bank).staff);
      v.set_findings(visit.findings);
      v.set_funds_use(visit.funds_use);
      v.set_production_status(visit.production);
      v.set_follow_up(visit.follow_up);
      ASSIGN_OR_RETURN(const v1::ReturnVisit made, intake->Call<v1::ReturnVisit>(&Servicing::RecordReturnVisit, r));
      load_.Count("return visits", made.record_time());
      return absl::OkStatus();
    }
    load_.Count("return visits", visits.visits(static_cast<int>(number) - 1).record_time());
    return absl::OkStatus();
  }

  DemoDesks& desks_;
  DemoLoad& load_;
  const absl::CivilDay today_;
  const std::map<std::string, v1::Application>& applications_;
  const std::string county_;
  std::string fund_;
  std::map<std::string, std::vector<v1::Loan>> loans_;  // by application key
};

}  // namespace

absl::StatusOr<absl::CivilDay> DemoBusinessDate(const LoansClient& loans, const std::string& county) {
  v1::GetCloseOfBusinessStatusRequest get;
  get.set_county(county);
  ASSIGN_OR_RETURN(const v1::CloseOfBusinessStatus status,
                   loans.Call<v1::CloseOfBusinessStatus>(&Cob::GetCloseOfBusinessStatus, get));
  return Day(status.business_date());
}

absl::Status LoadDemoServicing(DemoDesks& desks, DemoLoad& load, absl::CivilDay today,
                               const std::map<std::string, v1::Application>& applications) {
  return ServicingLoad(desks, load, today, applications).Run();
}

}  // namespace huinong::ctl
