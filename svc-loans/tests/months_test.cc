// Calendar months for terms and due dates: the same day of the month, or the
// month's last day when it is shorter — 31 January + 1 is 28 February, or
// 29 in a leap year — and never drifting after a short month.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/months.h"

namespace huinong::loans {
namespace {

TEST(AddMonths, MonthEndsClampAndDoNotDrift) {
  EXPECT_EQ(AddMonths(absl::CivilDay(2026, 1, 31), 1), absl::CivilDay(2026, 2, 28));
  EXPECT_EQ(AddMonths(absl::CivilDay(2028, 1, 31), 1), absl::CivilDay(2028, 2, 29));
  EXPECT_EQ(AddMonths(absl::CivilDay(2026, 1, 31), 2), absl::CivilDay(2026, 3, 31));
  EXPECT_EQ(AddMonths(absl::CivilDay(2026, 12, 2), 36), absl::CivilDay(2029, 12, 2));
  EXPECT_EQ(AddMonths(absl::CivilDay(2028, 2, 29), 12), absl::CivilDay(2029, 2, 28));
  EXPECT_EQ(AddMonths(absl::CivilDay(2026, 3, 31), -1), absl::CivilDay(2026, 2, 28));
  EXPECT_EQ(AddMonths(absl::CivilDay(2026, 5, 15), 0), absl::CivilDay(2026, 5, 15));
}

}  // namespace
}  // namespace huinong::loans
