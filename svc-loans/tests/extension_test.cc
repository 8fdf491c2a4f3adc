// Extensions (domain/extension.h) with the seeds' numbers: the term cap of
// 36 months including every extension (000:1509), and the schedule an
// extension regenerates for the seeds' 50,000 CNY at the 4.35% base rate,
// disbursed 15 January 2026 for 12 months, ACT/365 — 595.89… fen a day:
//   31 days → 18,473    28 days → 16,685    30 days → 17,877
#include <gtest/gtest.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/extension.h"
#include "svc-loans/src/domain/months.h"

namespace huinong::loans {
namespace {

using absl::CivilDay;

constexpr int64_t kSeedLoanFen = 5'000'000;  // 50,000 CNY (000:1497)
constexpr int kNplDays = 90;
const CivilDay kDisbursed(2026, 1, 15);

Loan LoanOf(int term_months, CivilDay disbursed = kDisbursed) {
  Loan l;
  l.id = "L1";
  l.principal_fen = l.outstanding_principal_fen = kSeedLoanFen;
  l.rate_bp = 435;
  l.disbursement_date = disbursed;
  l.term_months = term_months;
  l.maturity_date = AddMonths(disbursed, term_months);
  return l;
}

// Records an extension of `months` agreed on `day`, as ExtendLoan does.
void Extend(Loan& loan, int months, CivilDay day) {
  LoanExtension e;
  e.months = months;
  e.effective_date = day;
  e.previous_maturity_date = loan.maturity_date;
  e.new_maturity_date = ExtendedMaturity(loan, months);
  loan.extensions.push_back(e);
  loan.maturity_date = e.new_maturity_date;
}

ExtensionFacts Asking(int months, CivilDay today = CivilDay(2026, 6, 1)) {
  ExtensionFacts f;
  f.months = months;
  f.today = today;
  return f;
}

std::set<std::string> Rules(const std::vector<RuleFailure>& failures) {
  std::set<std::string> out;
  for (const RuleFailure& f : failures) out.insert(f.rule);
  return out;
}

TEST(Extension, A24MonthLoanMayExtend12MonthsNot13) {
  const CountyPolicy policy;  // max_total_term_months 36 (000:1509)
  Loan loan = LoanOf(24);
  EXPECT_TRUE(CheckExtension(loan, Asking(12), policy).empty());
  const std::vector<RuleFailure> refused = CheckExtension(loan, Asking(13), policy);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].rule, "TERM_LIMIT_EXCEEDED");
  EXPECT_EQ(refused[0].field, "months");
  EXPECT_EQ(refused[0].actual, "37 months");
  EXPECT_EQ(refused[0].policy_version, policy.id);
  EXPECT_EQ(ExtendedMaturity(loan, 12), CivilDay(2029, 1, 15));
}

TEST(Extension, TwoExtensionsOfSixThenAThirdIsRefused) {
  const CountyPolicy policy;
  Loan loan = LoanOf(24);
  ASSERT_TRUE(CheckExtension(loan, Asking(6), policy).empty());
  Extend(loan, 6, CivilDay(2026, 6, 1));
  EXPECT_EQ(loan.maturity_date, CivilDay(2028, 7, 15));
  ASSERT_TRUE(CheckExtension(loan, Asking(6, CivilDay(2027, 1, 5)), policy).empty());
  Extend(loan, 6, CivilDay(2027, 1, 5));
  EXPECT_EQ(loan.maturity_date, CivilDay(2029, 1, 15));
  EXPECT_EQ(TotalTermMonths(loan), 36);
  EXPECT_EQ(OriginalMaturity(loan), CivilDay(2028, 1, 15));
  EXPECT_EQ(Rules(CheckExtension(loan, Asking(1, CivilDay(2027, 2, 1)), policy)),
            (std::set<std::string>{"TERM_LIMIT_EXCEEDED"}));

  // A county whose policy allows 48 months lets the third through.
  CountyPolicy longer = policy;
  longer.max_total_term_months = 48;
  EXPECT_TRUE(CheckExtension(loan, Asking(1, CivilDay(2027, 2, 1)), longer).empty());
}

TEST(Extension, MonthsCountFromTheOriginalMaturitySoTheAnchorNeverDrifts) {
  Loan loan = LoanOf(1, CivilDay(2025, 12, 31));  // matures 31 January 2026
  Extend(loan, 1, CivilDay(2026, 1, 10));
  EXPECT_EQ(loan.maturity_date, CivilDay(2026, 2, 28));
  Extend(loan, 1, CivilDay(2026, 2, 10));
  EXPECT_EQ(loan.maturity_date, CivilDay(2026, 3, 31));  // not 28 March
}

TEST(Extension, ADrawMayNotMatureAfterItsCreditLinesExpiry) {
  const CountyPolicy policy;
  // A 12-month draw on a line expiring 15 January 2028 (24 months).
  const Loan draw = LoanOf(12);
  ExtensionFacts facts = Asking(12);
  facts.credit_line_expiry = CivilDay(2028, 1, 15);
  EXPECT_TRUE(CheckExtension(draw, facts, policy).empty());
  facts.months = 13;
  const std::vector<RuleFailure> refused = CheckExtension(draw, facts, policy);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0].rule, "CREDIT_LINE_EXPIRED");
  EXPECT_EQ(refused[0].actual, "maturing on 2028-02-15");
  // The line's first loan matures on the expiry itself: not even a month.
  const Loan first = LoanOf(24);
  facts.months = 1;
  EXPECT_EQ(Rules(CheckExtension(first, facts, policy)), (std::set<std::string>{"CREDIT_LINE_EXPIRED"}));
}

TEST(Extension, EveryFailedRuleIsNamedAtOnce) {
  const CountyPolicy policy;
  const Loan loan = LoanOf(12);  // matures 15 January 2027
  ExtensionFacts facts = Asking(0, CivilDay(2027, 1, 15));
  facts.days_past_due = 3;
  EXPECT_EQ(Rules(CheckExtension(loan, facts, policy)),
            (std::set<std::string>{"MONTHS", "LOAN_MATURED", "LOAN_PAST_DUE"}));
  facts.today = CivilDay(2027, 1, 14);
  facts.days_past_due = 0;
  facts.months = 30;
  EXPECT_EQ(Rules(CheckExtension(loan, facts, policy)), (std::set<std::string>{"TERM_LIMIT_EXCEEDED"}));
}

LoanReplay Replayed(const Loan& loan, const std::vector<Repayment>& repayments, CivilDay as_of) {
  absl::StatusOr<LoanReplay> r = ReplayLoan(TermsOfLoan(loan), repayments, MaturityChangesOf(loan), as_of, kNplDays);
  EXPECT_TRUE(r.ok()) << r.status();
  return r.ok() ? *r : LoanReplay{};
}

Repayment Paid(std::string id, CivilDay value_date, int64_t amount) {
  Repayment r;
  r.request_id = std::move(id);
  r.value_date = r.posting_date = value_date;
  r.amount_fen = amount;
  return r;
}

TEST(ExtensionSchedule, MonthlyInterestKeepsItsInstalmentsAndMovesThePrincipalToTheNewMaturity) {
  Loan loan = LoanOf(12);
  const std::vector<Repayment> paid = {Paid("r1", CivilDay(2026, 2, 15), 18'473)};
  const LoanReplay before = Replayed(loan, paid, CivilDay(2026, 2, 28));
  Extend(loan, 6, CivilDay(2026, 3, 1));  // to 15 July 2027

  // The days before the extension replay exactly as without it.
  const LoanReplay same = Replayed(loan, paid, CivilDay(2026, 2, 28));
  ASSERT_EQ(same.position.instalments.size(), 12u);
  for (size_t k = 0; k < 12; ++k) {
    EXPECT_EQ(same.position.instalments[k].due.due_date, before.position.instalments[k].due.due_date);
    EXPECT_EQ(same.position.instalments[k].due.principal_due_fen, before.position.instalments[k].due.principal_due_fen);
    EXPECT_EQ(same.position.instalments[k].due.interest_due_fen, before.position.instalments[k].due.interest_due_fen);
  }
  EXPECT_EQ(same.position.instalments[11].due.principal_due_fen, kSeedLoanFen);

  const LoanReplay after = Replayed(loan, paid, CivilDay(2026, 3, 1));
  const std::vector<ServicedInstalment>& s = after.position.instalments;
  ASSERT_EQ(s.size(), 18u);
  EXPECT_TRUE(s[0].PaidInFull());  // instalment 1, paid on its due date, untouched
  EXPECT_EQ(s[1].due.due_date, CivilDay(2026, 3, 15));
  EXPECT_EQ(s[1].due.interest_due_fen, 16'685);  // 28 days, as before
  EXPECT_EQ(s[1].due.principal_due_fen, 0);
  EXPECT_EQ(s[11].due.principal_due_fen, 0);  // the old maturity is a month of interest now
  EXPECT_EQ(s[11].due.interest_due_fen, 18'473);
  EXPECT_EQ(s[17].due.index, 18);
  EXPECT_EQ(s[17].due.due_date, CivilDay(2027, 7, 15));
  EXPECT_EQ(s[17].due.interest_due_fen, 17'877);  // 15 June – 15 July 2027, 30 days
  EXPECT_EQ(s[17].due.principal_due_fen, kSeedLoanFen);
  EXPECT_EQ(after.days_past_due, 0);
}

TEST(ExtensionSchedule, EqualPrincipalIsSpreadAnewFromTheNextInstalment) {
  Loan loan = LoanOf(12);
  loan.repayment_method = RepaymentMethod::kEqualPrincipal;
  // Instalment 1: 5,000,000 ÷ 12 = 416,666 principal + 18,473 interest, paid when due.
  const std::vector<Repayment> paid = {Paid("r1", CivilDay(2026, 2, 15), 416'666 + 18'473)};
  Extend(loan, 12, CivilDay(2026, 3, 1));  // to 15 January 2028: instalments 2…24

  EXPECT_EQ(Replayed(loan, paid, CivilDay(2026, 2, 28)).position.instalments[1].due.principal_due_fen, 416'666);
  const LoanReplay after = Replayed(loan, paid, CivilDay(2026, 3, 1));
  const std::vector<ServicedInstalment>& s = after.position.instalments;
  ASSERT_EQ(s.size(), 24u);
  EXPECT_EQ(s[0].due.principal_due_fen, 416'666);
  // 4,583,334 fen not yet due over 23 instalments: 199,275 each (rounded
  // down), the last 199,284.
  EXPECT_EQ(s[1].due.principal_due_fen, 199'275);
  EXPECT_EQ(s[1].due.period_start, CivilDay(2026, 2, 15));
  EXPECT_EQ(s[1].due.interest_due_fen, 15'295);  // 4,583,334 × 4.35% × 28 ÷ 365 = 15,294.52
  EXPECT_EQ(s[2].due.interest_due_fen, 16'197);  // 4,384,059 × 4.35% × 31 ÷ 365 = 16,196.97
  EXPECT_EQ(s[23].due.due_date, CivilDay(2028, 1, 15));
  EXPECT_EQ(s[23].due.principal_due_fen, 199'284);
  EXPECT_EQ(s[23].due.interest_due_fen, 736);  // 199,284 × 4.35% × 31 ÷ 365 = 736.25

  // Instalment 2 paid on 15 March at its new amount leaves nothing past due.
  std::vector<Repayment> more = paid;
  more.push_back(Paid("r2", CivilDay(2026, 3, 15), 199'275 + 15'295));
  const LoanReplay later = Replayed(loan, more, CivilDay(2026, 3, 20));
  EXPECT_TRUE(later.position.instalments[1].PaidInFull());
  EXPECT_EQ(later.position.outstanding_principal_fen, kSeedLoanFen - 416'666 - 199'275);
  EXPECT_EQ(later.days_past_due, 0);
}

TEST(ExtensionSchedule, ARepaymentBackdatedBeforeTheExtensionReplaysBeforeIt) {
  Loan loan = LoanOf(12);
  Extend(loan, 6, CivilDay(2026, 3, 1));
  // Booked after the extension, valued on instalment 1's due date.
  Repayment late = Paid("r1", CivilDay(2026, 2, 15), 18'473);
  late.posting_date = CivilDay(2026, 3, 5);
  const LoanReplay r = Replayed(loan, {late}, CivilDay(2026, 3, 5));
  EXPECT_TRUE(r.position.instalments[0].PaidInFull());
  EXPECT_EQ(r.position.instalments.size(), 18u);
  EXPECT_EQ(r.days_past_due, 0);
}

TEST(ExtensionSchedule, AMaturityNotLaterIsRefusedAndChangesNothing) {
  absl::StatusOr<LoanPosition> p = OpenPosition(TermsOfLoan(LoanOf(12)));
  ASSERT_TRUE(p.ok());
  const size_t count = p->instalments.size();
  const absl::Status s = ApplyExtension(*p, {CivilDay(2026, 3, 1), CivilDay(2027, 1, 15)});
  EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(p->instalments.size(), count);
  EXPECT_EQ(p->terms.maturity_date, CivilDay(2027, 1, 15));
}

}  // namespace
}  // namespace huinong::loans
