// Repayments on the seeds' 50,000 CNY small loan at the 4.35% base rate
// (000:1433, 000:1497), disbursed 15 January 2026 for 12 months, ACT/365.
// Its interest is 5,000,000 × 435 × days ÷ 3,650,000 fen = 595.89… fen a
// day, half up per period:
//   31 days → 18,472.60 → 18,473    28 days → 16,684.93 → 16,685
//   30 days → 17,876.71 → 17,877    14 days →  8,342.47 →  8,342
//   17 days → 10,130.14 → 10,130
// Instalment 1 is due 15 Feb (31 days), 2 on 15 Mar (28), 3 on 15 Apr (31),
// 4 on 15 May (30), 5 on 15 Jun (31).
#include <gtest/gtest.h>

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/months.h"
#include "svc-loans/src/domain/repayment.h"

namespace huinong::loans {
namespace {

using absl::CivilDay;

constexpr int64_t kSeedLoanFen = 5'000'000;  // 50,000 CNY (000:1497)
constexpr int kBaseRateBp = 435;
constexpr int kNplDays = 90;
const CivilDay kDisbursed(2026, 1, 15);

ScheduleTerms SeedTerms(RepaymentMethod method = RepaymentMethod::kMonthlyInterestBullet) {
  ScheduleTerms t;
  t.principal_fen = kSeedLoanFen;
  t.rate_bp = kBaseRateBp;
  t.disbursement_date = kDisbursed;
  t.maturity_date = AddMonths(kDisbursed, 12);
  t.method = method;
  return t;
}

LoanPosition Open(const ScheduleTerms& terms) {
  absl::StatusOr<LoanPosition> p = OpenPosition(terms);
  EXPECT_TRUE(p.ok()) << p.status();
  return p.ok() ? *p : LoanPosition{};
}

Allocation Pay(LoanPosition& p, CivilDay value_date, int64_t amount) {
  absl::StatusOr<Allocation> a = ApplyRepayment(p, value_date, amount);
  EXPECT_TRUE(a.ok()) << a.status();
  return a.ok() ? *a : Allocation{};
}

Repayment Paid(std::string id, CivilDay value_date, CivilDay posting_date, int64_t amount) {
  Repayment r;
  r.request_id = std::move(id);
  r.value_date = value_date;
  r.posting_date = posting_date;
  r.amount_fen = amount;
  return r;
}

int64_t PrincipalDue(const LoanPosition& p) {
  return std::accumulate(p.instalments.begin(), p.instalments.end(), int64_t{0},
                         [](int64_t s, const ServicedInstalment& i) { return s + i.due.principal_due_fen; });
}

TEST(Repayment, TheSeedScheduleHasTheHandWorkedInterest) {
  const LoanPosition p = Open(SeedTerms());
  ASSERT_EQ(p.instalments.size(), 12u);
  EXPECT_EQ(p.instalments[0].due.interest_due_fen, 18'473);
  EXPECT_EQ(p.instalments[1].due.interest_due_fen, 16'685);
  EXPECT_EQ(p.instalments[3].due.interest_due_fen, 17'877);
  EXPECT_EQ(p.outstanding_principal_fen, kSeedLoanFen);
}

TEST(Repayment, InterestIsPaidBeforePrincipalAndTheOldestInstalmentFirst) {
  // Equal principal: 5,000,000 ÷ 12 = 416,666 fen a month. Instalment 2's
  // interest is on 4,583,334 fen for 28 days = 15,294.52 → 15,295.
  LoanPosition p = Open(SeedTerms(RepaymentMethod::kEqualPrincipal));
  ASSERT_EQ(p.instalments[0].due.principal_due_fen, 416'666);
  ASSERT_EQ(p.instalments[1].due.interest_due_fen, 15'295);
  // Nothing paid until 15 March; 450,434 = both interests (18,473 + 15,295)
  // + instalment 1's principal, so instalment 2's principal stays unpaid.
  const Allocation a = Pay(p, CivilDay(2026, 3, 15), 18'473 + 15'295 + 416'666);
  EXPECT_EQ(a.interest_fen, 33'768);
  EXPECT_EQ(a.principal_fen, 416'666);
  EXPECT_EQ(a.prepaid_principal_fen, 0);
  EXPECT_EQ(a.unapplied_fen, 0);
  EXPECT_TRUE(p.instalments[0].PaidInFull());
  EXPECT_EQ(p.instalments[1].interest_paid_fen, 15'295);
  EXPECT_EQ(p.instalments[1].principal_paid_fen, 0);
  EXPECT_EQ(p.outstanding_principal_fen, kSeedLoanFen - 416'666);
  EXPECT_EQ(DaysPastDue(p, CivilDay(2026, 3, 15)), 0);  // due today: not yet past due
  EXPECT_EQ(DaysPastDue(p, CivilDay(2026, 3, 16)), 1);
}

TEST(Repayment, AllDueInterestComesBeforeAnyDuePrincipal) {
  // Same loan, 15 March, 33,868 fen: both instalments' interest (33,768)
  // before instalment 1's principal, which gets only the last 100 fen.
  LoanPosition p = Open(SeedTerms(RepaymentMethod::kEqualPrincipal));
  const Allocation a = Pay(p, CivilDay(2026, 3, 15), 18'473 + 15'295 + 100);
  EXPECT_EQ(a.interest_fen, 33'768);
  EXPECT_EQ(a.principal_fen, 100);
  EXPECT_EQ(p.instalments[1].interest_paid_fen, 15'295);
  EXPECT_EQ(p.instalments[0].principal_paid_fen, 100);
  EXPECT_EQ(DaysPastDue(p, CivilDay(2026, 3, 16)), 29);  // instalment 1 (15 Feb) still owes principal
}

TEST(Repayment, AShortPaymentGoesToTheOldestInterestFirst) {
  LoanPosition p = Open(SeedTerms());
  const Allocation a = Pay(p, CivilDay(2026, 3, 15), 20'000);
  EXPECT_EQ(a.interest_fen, 20'000);
  EXPECT_EQ(p.instalments[0].interest_paid_fen, 18'473);
  EXPECT_EQ(*p.instalments[0].paid_in_full_on, CivilDay(2026, 3, 15));
  EXPECT_EQ(p.instalments[1].interest_paid_fen, 1'527);
  EXPECT_FALSE(p.instalments[1].paid_in_full_on.has_value());
}

TEST(Repayment, APrepaymentOnADueDateRebuildsTheRestWithTheScheduleFunction) {
  LoanPosition p = Open(SeedTerms());
  // 15 Feb: instalment 1's interest, then 10,000 CNY of principal early.
  const Allocation a = Pay(p, CivilDay(2026, 2, 15), 18'473 + 1'000'000);
  EXPECT_EQ(a.interest_fen, 18'473);
  EXPECT_EQ(a.prepaid_principal_fen, 1'000'000);
  EXPECT_TRUE(a.rebuilt);
  EXPECT_FALSE(a.settled);
  EXPECT_EQ(p.outstanding_principal_fen, 4'000'000);
  // Instalment 2 on 4,000,000 for 28 days: 13,347.95 → 13,348.
  EXPECT_EQ(p.instalments[1].due.interest_due_fen, 13'348);
  const std::vector<Instalment> rebuilt = *RebuildScheduleFrom(SeedTerms(), CivilDay(2026, 2, 15), 4'000'000);
  ASSERT_EQ(p.instalments.size(), 1 + rebuilt.size());
  for (size_t k = 1; k < rebuilt.size(); ++k) {  // the first keeps its period and holds the prepayment
    EXPECT_EQ(p.instalments[k + 1].due.interest_due_fen, rebuilt[k].interest_due_fen);
    EXPECT_EQ(p.instalments[k + 1].due.principal_due_fen, rebuilt[k].principal_due_fen);
    EXPECT_EQ(p.instalments[k + 1].due.due_date, rebuilt[k].due_date);
  }
  EXPECT_EQ(p.instalments.back().due.principal_due_fen, 4'000'000);
  EXPECT_EQ(PrincipalDue(p), kSeedLoanFen);
}

TEST(Repayment, APrepaymentInsideAPeriodPaysTheInterestAccruedToItsValueDateFirst) {
  LoanPosition p = Open(SeedTerms());
  Pay(p, CivilDay(2026, 2, 15), 18'473);
  // 1 March is 14 days into instalment 2's period: 8,342 fen accrued.
  const Allocation a = Pay(p, CivilDay(2026, 3, 1), 8'342 + 1'000'000);
  EXPECT_EQ(a.interest_fen, 8'342);
  EXPECT_EQ(a.prepaid_principal_fen, 1'000'000);
  // The rest of the period, 14 days on 4,000,000: 6,673.97 → 6,674; the
  // instalment owes 8,342 (settled) + 6,674, and 8,342 is paid.
  const ServicedInstalment& second = p.instalments[1];
  EXPECT_EQ(second.due.interest_due_fen, 8'342 + 6'674);
  EXPECT_EQ(second.interest_paid_fen, 8'342);
  EXPECT_EQ(second.due.principal_due_fen, 1'000'000);  // the prepaid principal; bullet: the rest at maturity
  EXPECT_EQ(second.due.period_start, CivilDay(2026, 2, 15));
  EXPECT_EQ(second.due.due_date, CivilDay(2026, 3, 15));
  // Instalment 3, 31 days on 4,000,000: 14,778.08 → 14,778.
  EXPECT_EQ(p.instalments[2].due.interest_due_fen, 14'778);
  EXPECT_EQ(PrincipalDue(p), kSeedLoanFen);
  // Paying what instalment 2 still owes on its due date leaves nothing past due.
  const Allocation due = Pay(p, CivilDay(2026, 3, 15), 6'674);
  EXPECT_EQ(due.interest_fen, 6'674);
  EXPECT_EQ(DaysPastDue(p, CivilDay(2026, 3, 20)), 0);
}

TEST(Repayment, ASecondPrepaymentInThePeriodAccruesFromTheFirst) {
  LoanPosition p = Open(SeedTerms());
  Pay(p, CivilDay(2026, 2, 15), 18'473);
  Pay(p, CivilDay(2026, 3, 1), 8'342 + 1'000'000);
  // 8 March: 7 days on 4,000,000 since 1 March = 3,336.99 → 3,337 (not 14
  // days since the period began on 15 February).
  ASSERT_EQ(*PayoffQuoteFen(p, CivilDay(2026, 3, 8)), 3'337 + 4'000'000);
  const Allocation a = Pay(p, CivilDay(2026, 3, 8), 3'337 + 1'000'000);
  EXPECT_EQ(a.interest_fen, 3'337);
  EXPECT_EQ(a.prepaid_principal_fen, 1'000'000);
  // The period's interest: 8,342 + 3,337 settled, then 7 days on
  // 3,000,000 = 2,502.74 → 2,503.
  EXPECT_EQ(p.instalments[1].due.interest_due_fen, 8'342 + 3'337 + 2'503);
  EXPECT_EQ(p.instalments[1].interest_paid_fen, 8'342 + 3'337);
  EXPECT_EQ(p.instalments[1].due.principal_due_fen, 2'000'000);
  EXPECT_EQ(p.outstanding_principal_fen, 3'000'000);
  EXPECT_EQ(PrincipalDue(p), kSeedLoanFen);
}

TEST(Repayment, ThePayoffQuoteIsExactlyWhatSettlesTheLoan) {
  const LoanPosition start = Open(SeedTerms());
  {
    // 1 March after instalment 1 was paid: 8,342 accrued + 5,000,000.
    LoanPosition p = start;
    Pay(p, CivilDay(2026, 2, 15), 18'473);
    ASSERT_EQ(*PayoffQuoteFen(p, CivilDay(2026, 3, 1)), 5'008'342);
    LoanPosition short_by_one = p;
    const Allocation one_less = Pay(short_by_one, CivilDay(2026, 3, 1), 5'008'341);
    EXPECT_FALSE(one_less.settled);
    EXPECT_EQ(short_by_one.outstanding_principal_fen, 1);
    const Allocation exact = Pay(p, CivilDay(2026, 3, 1), 5'008'342);
    EXPECT_TRUE(exact.settled);
    EXPECT_EQ(exact.unapplied_fen, 0);
    EXPECT_EQ(p.outstanding_principal_fen, 0);
    EXPECT_EQ(*PayoffQuoteFen(p, CivilDay(2026, 3, 2)), 0);
    for (const ServicedInstalment& i : p.instalments) EXPECT_TRUE(i.PaidInFull()) << i.due.index;
    EXPECT_EQ(PrincipalDue(p), kSeedLoanFen);
  }
  {
    // 1 April with nothing paid: 18,473 + 16,685 overdue, 17 days of
    // instalment 3 accrued (10,130), and the principal.
    LoanPosition p = start;
    ASSERT_EQ(*PayoffQuoteFen(p, CivilDay(2026, 4, 1)), 18'473 + 16'685 + 10'130 + 5'000'000);
    const Allocation a = Pay(p, CivilDay(2026, 4, 1), 5'045'288);
    EXPECT_TRUE(a.settled);
    EXPECT_EQ(a.unapplied_fen, 0);
    EXPECT_EQ(DaysPastDue(p, CivilDay(2026, 4, 2)), 0);
  }
  {
    // Every method settles at its quote on any day of the term.
    for (RepaymentMethod m : {RepaymentMethod::kMonthlyInterestBullet, RepaymentMethod::kEqualPrincipal,
                              RepaymentMethod::kEqualInstalments}) {
      for (CivilDay d = kDisbursed; d <= AddMonths(kDisbursed, 13); d += 17) {
        LoanPosition p = Open(SeedTerms(m));
        const int64_t quote = *PayoffQuoteFen(p, d);
        const Allocation a = Pay(p, d, quote);
        EXPECT_TRUE(a.settled) << static_cast<int>(m) << " " << d;
        EXPECT_EQ(a.unapplied_fen, 0) << static_cast<int>(m) << " " << d;
      }
    }
  }
}

TEST(Repayment, MoneyBeyondTheSettlementIsUnapplied) {
  LoanPosition p = Open(SeedTerms());
  const Allocation a = Pay(p, kDisbursed, kSeedLoanFen + 500);  // repaid the day it was lent: no interest
  EXPECT_EQ(a.interest_fen, 0);
  EXPECT_EQ(a.prepaid_principal_fen, kSeedLoanFen);
  EXPECT_EQ(a.unapplied_fen, 500);
  EXPECT_TRUE(a.settled);
  const Allocation after = Pay(p, CivilDay(2026, 2, 1), 100);
  EXPECT_EQ(after.unapplied_fen, 100);
}

TEST(Repayment, BadRepaymentsAreRefusedNamingEveryFieldAndChangeNothing) {
  LoanPosition p = Open(SeedTerms());
  Pay(p, CivilDay(2026, 2, 15), 18'473);
  const LoanPosition before = p;
  const absl::StatusOr<Allocation> bad = ApplyRepayment(p, CivilDay(2026, 2, 1), 0);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("amount_fen"), std::string::npos);
  EXPECT_NE(bad.status().message().find("last repayment applied"), std::string::npos);
  EXPECT_EQ(p.instalments[0].interest_paid_fen, before.instalments[0].interest_paid_fen);
  EXPECT_EQ(p.last_value_date, before.last_value_date);
  EXPECT_EQ(ApplyRepayment(p, CivilDay(2026, 1, 1), 1).status().code(), absl::StatusCode::kInvalidArgument);

  const absl::StatusOr<LoanReplay> replay =
      ReplayLoan(SeedTerms(),
                 {Paid("a", CivilDay(2026, 3, 1), CivilDay(2026, 2, 28), 5), Paid("b", CivilDay(2025, 1, 1),
                                                                               CivilDay(2026, 1, 1), -1)},
                 CivilDay(2026, 6, 1), kNplDays);
  EXPECT_EQ(replay.status().code(), absl::StatusCode::kInvalidArgument);
  for (const char* field : {"repayments[0].posting_date", "repayments[1].amount_fen", "repayments[1].value_date"}) {
    EXPECT_NE(replay.status().message().find(field), std::string::npos) << field;
  }
}

// The seed loan with instalment 1 paid on time and nothing after: instalment
// 2 (due 15 March) is 89 days past due on 12 June and 90 on 13 June.
std::vector<Repayment> OnlyTheFirstInterest() {
  return {Paid("feb", CivilDay(2026, 2, 15), CivilDay(2026, 2, 15), 18'473)};
}

TEST(Replay, DaysPastDueAndClassificationOnBothSidesOfNinetyDays) {
  const LoanReplay on_due = *ReplayLoan(SeedTerms(), OnlyTheFirstInterest(), CivilDay(2026, 3, 15), kNplDays);
  EXPECT_EQ(on_due.days_past_due, 0);
  EXPECT_EQ(on_due.loan_class, LoanClass::kNormal);
  const LoanReplay day_after = *ReplayLoan(SeedTerms(), OnlyTheFirstInterest(), CivilDay(2026, 3, 16), kNplDays);
  EXPECT_EQ(day_after.days_past_due, 1);
  EXPECT_EQ(day_after.loan_class, LoanClass::kOverdue);
  const LoanReplay day89 = *ReplayLoan(SeedTerms(), OnlyTheFirstInterest(), CivilDay(2026, 6, 12), kNplDays);
  EXPECT_EQ(day89.days_past_due, 89);
  EXPECT_EQ(day89.loan_class, LoanClass::kOverdue);
  const LoanReplay day90 = *ReplayLoan(SeedTerms(), OnlyTheFirstInterest(), CivilDay(2026, 6, 13), kNplDays);
  EXPECT_EQ(day90.days_past_due, 90);
  EXPECT_EQ(day90.loan_class, LoanClass::kNonPerforming);
}

TEST(Replay, ABackdatedRepaymentReturnsABadLoanToNormal) {
  // The bank's debits of 15 March, 15 April and 15 May were booked only on
  // 20 June (posting date), with their value dates.
  std::vector<Repayment> repayments = OnlyTheFirstInterest();
  const LoanReplay before = *ReplayLoan(SeedTerms(), repayments, CivilDay(2026, 6, 20), kNplDays);
  EXPECT_EQ(before.days_past_due, 97);
  EXPECT_EQ(before.loan_class, LoanClass::kNonPerforming);

  const CivilDay booked(2026, 6, 20);
  repayments.push_back(Paid("may", CivilDay(2026, 5, 15), booked, 17'877));
  repayments.push_back(Paid("mar", CivilDay(2026, 3, 15), booked, 16'685));
  repayments.push_back(Paid("apr", CivilDay(2026, 4, 15), booked, 18'473));
  // Instalment 5 (15 June) is still unpaid on 20 June: 5 days past due.
  const LoanReplay after = *ReplayLoan(SeedTerms(), repayments, booked, kNplDays);
  EXPECT_EQ(after.days_past_due, 5);
  EXPECT_EQ(after.loan_class, LoanClass::kOverdue);
  const LoanReplay on_13_june = *ReplayLoan(SeedTerms(), repayments, CivilDay(2026, 6, 13), kNplDays);
  EXPECT_EQ(on_13_june.days_past_due, 0);
  EXPECT_EQ(on_13_june.loan_class, LoanClass::kNormal);

  // Applied in value-date order whatever order they were recorded in; the
  // posting date is carried, not used.
  ASSERT_EQ(after.allocations.size(), 4u);
  EXPECT_EQ(after.allocations[1].request_id, "mar");
  EXPECT_EQ(after.allocations[1].posting_date, booked);
  EXPECT_EQ(after.allocations[1].interest_fen, 16'685);
  EXPECT_EQ(after.allocations[3].request_id, "may");
  for (int k = 0; k < 4; ++k) EXPECT_TRUE(after.position.instalments[k].PaidInFull()) << k;
  EXPECT_EQ(*after.position.instalments[1].paid_in_full_on, CivilDay(2026, 3, 15));
}

TEST(Replay, IsAPureFunctionOfTermsRepaymentsAndDate) {
  const std::vector<Repayment> repayments = {
      Paid("b", CivilDay(2026, 3, 1), CivilDay(2026, 3, 1), 1'008'342),
      Paid("a", CivilDay(2026, 2, 15), CivilDay(2026, 2, 16), 18'473),
      Paid("later", CivilDay(2026, 7, 1), CivilDay(2026, 7, 1), 9'999'999),
  };
  const LoanReplay first = *ReplayLoan(SeedTerms(), repayments, CivilDay(2026, 4, 20), kNplDays);
  const LoanReplay second = *ReplayLoan(SeedTerms(), repayments, CivilDay(2026, 4, 20), kNplDays);
  std::vector<Repayment> reversed(repayments.rbegin(), repayments.rend());
  const LoanReplay third = *ReplayLoan(SeedTerms(), reversed, CivilDay(2026, 4, 20), kNplDays);
  for (const LoanReplay* r : {&second, &third}) {
    EXPECT_EQ(r->days_past_due, first.days_past_due);
    EXPECT_EQ(r->loan_class, first.loan_class);
    EXPECT_EQ(r->position.outstanding_principal_fen, first.position.outstanding_principal_fen);
    ASSERT_EQ(r->position.instalments.size(), first.position.instalments.size());
    for (size_t k = 0; k < first.position.instalments.size(); ++k) {
      EXPECT_EQ(r->position.instalments[k].interest_paid_fen, first.position.instalments[k].interest_paid_fen);
      EXPECT_EQ(r->position.instalments[k].due.interest_due_fen, first.position.instalments[k].due.interest_due_fen);
    }
  }
  // The repayment valued 1 July is not yet counted on 20 April; instalment
  // 2's rest (6,674, due 15 March) is unpaid: 36 days past due.
  EXPECT_EQ(first.allocations.size(), 2u);
  EXPECT_EQ(first.position.outstanding_principal_fen, 4'000'000);
  EXPECT_EQ(first.days_past_due, 36);
}

}  // namespace
}  // namespace huinong::loans
