// Tests of integer-fen money with the seeds' own numbers.
#include "common/core/money.h"

#include <cstdint>
#include <limits>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace huinong {
namespace {

using ::testing::ElementsAre;

constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

Money Yuan(std::string_view text) {
  auto m = Money::Parse(text);
  EXPECT_TRUE(m.ok()) << text << ": " << m.status();
  return m.value_or(Money());
}

TEST(CoreMoney, LoanCeilingInFen) {
  static_assert(Money::Yuan(50000).fen() == 5000000);
  EXPECT_EQ(Yuan("50,000").fen(), 5000000);
  EXPECT_EQ(Money::Yuan(50000).ToString(), "50000.00");
  EXPECT_EQ(Money::Yuan(50000), Money::Fen(5000000));
  EXPECT_LT(Money::Fen(4999999), Money::Yuan(50000));
}

TEST(CoreMoney, SuretyPremiumAndGuaranteeFee) {
  const Money loan = Yuan("50000.00");
  EXPECT_EQ(ApplyBasisPoints(loan, 120)->ToString(), "600.00");  // 1.2% surety premium
  EXPECT_EQ(ApplyBasisPoints(loan, 100)->ToString(), "500.00");  // 1.0% guarantee fee
}

TEST(CoreMoney, InterestAtBenchmarkRate) {
  // 4.35% of 28,105,000.00 = 1,222,567.50
  const auto interest = ApplyBasisPoints(Yuan("28,105,000.00"), 435);
  ASSERT_TRUE(interest.ok());
  EXPECT_EQ(interest->fen(), 122256750);
  EXPECT_EQ(interest->ToString(), "1222567.50");
}

TEST(CoreMoney, HalfFenRoundsAwayFromZeroBothSigns) {
  // 1 fen * 1/2 = 0.5 fen -> 1 fen; 3 fen / 2 = 1.5 -> 2; 0.49.. stays down.
  EXPECT_EQ(MulDivHalfUp(Money::Fen(1), 1, 2)->fen(), 1);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(3), 1, 2)->fen(), 2);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(-1), 1, 2)->fen(), -1);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(-3), 1, 2)->fen(), -2);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(3), -1, 2)->fen(), -2);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(3), 1, -2)->fen(), -2);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(-3), -1, 2)->fen(), 2);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(4999), 1, 10000)->fen(), 0);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(5000), 1, 10000)->fen(), 1);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(-5000), 1, 10000)->fen(), -1);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(-4999), 1, 10000)->fen(), 0);
  // 0.05% of 10.01 = 0.5005 fen -> 1 fen; of -10.01 -> -1 fen.
  EXPECT_EQ(ApplyBasisPoints(Money::Fen(1001), 5)->fen(), 1);
  EXPECT_EQ(ApplyBasisPoints(Money::Fen(-1001), 5)->fen(), -1);
}

TEST(CoreMoney, MulDivIsExactBeyondInt64Intermediate) {
  // kMax * 3 / 3 overflows int64 in the middle but not in the result.
  EXPECT_EQ(MulDivHalfUp(Money::Fen(kMax), 3, 3)->fen(), kMax);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(kMin), kMax, kMax)->fen(), kMin);
}

TEST(CoreMoney, OverflowIsOutOfRange) {
  EXPECT_EQ(Add(Money::Fen(kMax), Money::Fen(1)).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Subtract(Money::Fen(kMin), Money::Fen(1)).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(kMax), 2, 1).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(kMin), -1, 1).status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(ApplyBasisPoints(Money::Fen(kMax), 20000).status().code(),
            absl::StatusCode::kOutOfRange);
  EXPECT_EQ(Money::Parse("92233720368547758.08").status().code(), absl::StatusCode::kOutOfRange);
  EXPECT_EQ(MulDivHalfUp(Money::Fen(1), 1, 0).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST(CoreMoney, AddAndSubtract) {
  EXPECT_EQ(Add(Yuan("600.00"), Yuan("500.00"))->ToString(), "1100.00");
  EXPECT_EQ(Subtract(Yuan("1.00"), Yuan("3.07"))->ToString(), "-2.07");
  EXPECT_EQ(Add(Money::Fen(kMax - 1), Money::Fen(1))->fen(), kMax);
}

TEST(CoreMoney, SplitEvenly) {
  EXPECT_THAT(SplitEvenly(Yuan("100.00"), 3),
              ElementsAre(Money::Fen(3334), Money::Fen(3333), Money::Fen(3333)));
  EXPECT_THAT(SplitEvenly(Money::Fen(-100), 3),
              ElementsAre(Money::Fen(-34), Money::Fen(-33), Money::Fen(-33)));
  EXPECT_THAT(SplitEvenly(Money::Fen(2), 4),
              ElementsAre(Money::Fen(1), Money::Fen(1), Money::Fen(0), Money::Fen(0)));
  EXPECT_TRUE(SplitEvenly(Money::Fen(100), 0).empty());
  // Always sums exactly and differs by at most one fen.
  for (int64_t total : {int64_t{0}, int64_t{1}, int64_t{99999}, int64_t{-7}, kMax, kMin}) {
    for (int parts : {1, 2, 3, 7, 12}) {
      const std::vector<Money> split = SplitEvenly(Money::Fen(total), parts);
      ASSERT_EQ(split.size(), static_cast<size_t>(parts));
      __int128 sum = 0;
      int64_t lo = kMax, hi = kMin;
      for (Money m : split) {
        sum += m.fen();
        lo = std::min(lo, m.fen());
        hi = std::max(hi, m.fen());
      }
      EXPECT_TRUE(sum == total) << total << " / " << parts;
      EXPECT_LE(hi - lo, 1) << total << " / " << parts;
    }
  }
}

TEST(CoreMoney, ParseAndToStringRoundTrip) {
  EXPECT_EQ(Yuan("50000").fen(), 5000000);
  EXPECT_EQ(Yuan("50000.5").fen(), 5000050);
  EXPECT_EQ(Yuan("50,000.00").fen(), 5000000);
  EXPECT_EQ(Yuan("-3.07").fen(), -307);
  EXPECT_EQ(Yuan("+1").fen(), 100);
  EXPECT_EQ(Yuan(" 0.01 ").fen(), 1);
  EXPECT_EQ(Yuan("-0.00").fen(), 0);
  EXPECT_EQ(Yuan("1,234,567.89").fen(), 123456789);
  EXPECT_EQ(Money::Fen(-5).ToString(), "-0.05");
  EXPECT_EQ(Money().ToString(), "0.00");
  EXPECT_EQ(Money::Fen(kMin).ToString(), "-92233720368547758.08");
  EXPECT_EQ(Money::Fen(kMax).ToString(), "92233720368547758.07");
  for (int64_t fen : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{99}, int64_t{-307},
                      int64_t{5000000}, int64_t{122256750}, kMax, kMin}) {
    const Money m = Money::Fen(fen);
    const auto back = Money::Parse(m.ToString());
    ASSERT_TRUE(back.ok()) << m.ToString() << ": " << back.status();
    EXPECT_EQ(*back, m);
  }
}

TEST(CoreMoney, ParseRejectsMalformed) {
  for (const char* bad : {"1.234", "abc", "", "-", "1.", ".5", "1.2.3", "5,0000", ",500",
                          "1,00.00", "5000,000", "1e3", "--1", "1 000", "１００", "0x10"}) {
    EXPECT_EQ(Money::Parse(bad).status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

}  // namespace
}  // namespace huinong
