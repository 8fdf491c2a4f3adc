// Classification by days past due at the seeds' policy (90 days, a county
// setting) on both sides of each boundary, and the maturity reminder two
// months ahead (000:1445) with month-end clamping.
#include <gtest/gtest.h>

#include "absl/time/civil_time.h"
#include "svc-loans/src/domain/classification.h"
#include "svc-loans/src/domain/county_policy.h"

namespace huinong::loans {
namespace {

using absl::CivilDay;

TEST(Classification, NinetyDaysPastDueIsNonPerformingAndEightyNineIsOverdue) {
  const int npl_days = CountyPolicy{}.npl_days_past_due;
  ASSERT_EQ(npl_days, 90);
  EXPECT_EQ(Classify(0, npl_days), LoanClass::kNormal);
  EXPECT_EQ(Classify(1, npl_days), LoanClass::kOverdue);
  EXPECT_EQ(Classify(89, npl_days), LoanClass::kOverdue);
  EXPECT_EQ(Classify(90, npl_days), LoanClass::kNonPerforming);
  EXPECT_EQ(Classify(91, npl_days), LoanClass::kNonPerforming);
  EXPECT_EQ(Classify(-1, npl_days), LoanClass::kNormal);
}

TEST(Classification, TheThresholdIsTheCountysSetting) {
  EXPECT_EQ(Classify(59, 60), LoanClass::kOverdue);
  EXPECT_EQ(Classify(60, 60), LoanClass::kNonPerforming);
  EXPECT_EQ(Classify(90, 180), LoanClass::kOverdue);
}

TEST(Classification, NamesAreTheApisSpelling) {
  EXPECT_EQ(LoanClassName(LoanClass::kNormal), "NORMAL");
  EXPECT_EQ(LoanClassName(LoanClass::kOverdue), "OVERDUE");
  EXPECT_EQ(LoanClassName(LoanClass::kNonPerforming), "NON_PERFORMING");
}

TEST(MaturityReminder, TwoMonthsBeforeMaturityClampedToTheMonthsEnd) {
  const int months = CountyPolicy{}.maturity_reminder_months;
  ASSERT_EQ(months, 2);  // 000:1445 提前两个月
  EXPECT_EQ(MaturityReminderDate(CivilDay(2027, 1, 15), months), CivilDay(2026, 11, 15));
  EXPECT_EQ(MaturityReminderDate(CivilDay(2026, 12, 31), months), CivilDay(2026, 10, 31));
  EXPECT_EQ(MaturityReminderDate(CivilDay(2027, 4, 30), months), CivilDay(2027, 2, 28));
  EXPECT_EQ(MaturityReminderDate(CivilDay(2028, 4, 30), months), CivilDay(2028, 2, 29));  // leap year
  EXPECT_EQ(MaturityReminderDate(CivilDay(2027, 3, 1), months), CivilDay(2027, 1, 1));
  EXPECT_EQ(MaturityReminderDate(CivilDay(2027, 1, 15), 0), CivilDay(2027, 1, 15));
}

}  // namespace
}  // namespace huinong::loans
