// The revolving credit line of a poverty small loan (000:1497): approved
// once up to 50,000 CNY, drawn while the balance stays under the limit,
// repaid principal drawn again; refused past its expiry, above what is
// available, or for a blacklisted borrower — every reason at once.
#include <gtest/gtest.h>

#include "svc-loans/src/domain/credit_line.h"

namespace huinong::loans {
namespace {

CountyPolicy Policy() {
  CountyPolicy p;
  p.id = "countyPolicies/guan-2026";
  return p;
}

std::vector<std::string> Rules(const std::vector<RuleFailure>& failures) {
  std::vector<std::string> out;
  for (const auto& f : failures) out.push_back(f.rule);
  return out;
}

TEST(CreditLine, TheLimitIsAtMostFiftyThousand) {
  EXPECT_TRUE(CheckCreditLimit(5'000'000, Policy()).empty());
  const auto over = CheckCreditLimit(5'000'001, Policy());
  ASSERT_EQ(Rules(over), (std::vector<std::string>{"CEILING"}));
  EXPECT_EQ(over[0].field, "limit");
  EXPECT_EQ(Rules(CheckCreditLimit(0, Policy())), (std::vector<std::string>{"CEILING"}));
}

TEST(CreditLine, RepaidPrincipalCanBeDrawnAgain) {
  CreditLine line{5'000'000, absl::CivilDay(2029, 12, 1), 0};
  const Draw first{3'000'000, 12, absl::CivilDay(2026, 12, 2)};
  EXPECT_TRUE(CheckDraw(line, first, false, Policy(), first.day).empty());
  line.outstanding_principal_fen += first.amount_fen;
  EXPECT_EQ(AvailableFen(line), 2'000'000);

  const Draw second{2'000'001, 12, absl::CivilDay(2027, 1, 5)};
  const auto refused = CheckDraw(line, second, false, Policy(), second.day);
  ASSERT_EQ(Rules(refused), (std::vector<std::string>{"ABOVE_AVAILABLE"}));
  EXPECT_EQ(refused[0].limit, "at most the available 2000000 fen");
  EXPECT_TRUE(CheckDraw(line, {2'000'000, 12, absl::CivilDay(2027, 1, 5)}, false, Policy(), absl::CivilDay(2027, 1, 5)).empty());

  line.outstanding_principal_fen -= 1'000'000;  // 10,000 CNY repaid
  EXPECT_EQ(AvailableFen(line), 3'000'000);
  EXPECT_TRUE(CheckDraw(line, {3'000'000, 12, absl::CivilDay(2027, 6, 1)}, false, Policy(), absl::CivilDay(2027, 6, 1)).empty());
}

TEST(CreditLine, ADrawHasATermAndAMaturity) {
  const Draw draw{1'000'000, 12, absl::CivilDay(2027, 1, 31)};
  EXPECT_EQ(DrawMaturity(draw), absl::CivilDay(2028, 1, 31));
  EXPECT_EQ(DrawMaturity({1'000'000, 1, absl::CivilDay(2027, 1, 31)}), absl::CivilDay(2027, 2, 28));
  CreditLine line{5'000'000, absl::CivilDay(2029, 12, 1), 0};
  EXPECT_EQ(Rules(CheckDraw(line, {1'000'000, 37, absl::CivilDay(2027, 1, 5)}, false, Policy(), absl::CivilDay(2027, 1, 5))),
            (std::vector<std::string>{"TERM_LIMIT"}));
  EXPECT_EQ(Rules(CheckDraw(line, {1'000'000, 0, absl::CivilDay(2027, 1, 5)}, false, Policy(), absl::CivilDay(2027, 1, 5))),
            (std::vector<std::string>{"TERM_LIMIT"}));
}

TEST(CreditLine, PastExpiryAboveAvailableAndBlacklistedAreAllNamed) {
  CreditLine line{5'000'000, absl::CivilDay(2029, 12, 1), 4'000'000};
  EXPECT_TRUE(CheckDraw(line, {1'000'000, 6, absl::CivilDay(2029, 12, 1)}, false, Policy(), absl::CivilDay(2029, 12, 1)).empty());  // the last day
  const auto refused = CheckDraw(line, {1'500'000, 6, absl::CivilDay(2029, 12, 2)}, true, Policy(), absl::CivilDay(2029, 12, 2));
  EXPECT_EQ(Rules(refused), (std::vector<std::string>{"BLACKLISTED", "EXPIRED", "ABOVE_AVAILABLE"}));
  for (const auto& f : refused) EXPECT_EQ(f.policy_version, "countyPolicies/guan-2026");
}

TEST(CreditLine, ABackdatedValueDateDoesNotReviveAnExpiredLine) {
  CreditLine line{5'000'000, absl::CivilDay(2029, 12, 1), 0};
  const Draw backdated{1'000'000, 1, absl::CivilDay(2029, 9, 30)};
  EXPECT_TRUE(CheckDraw(line, backdated, false, Policy(), absl::CivilDay(2029, 12, 1)).empty());
  EXPECT_EQ(Rules(CheckDraw(line, backdated, false, Policy(), absl::CivilDay(2029, 12, 20))),
            (std::vector<std::string>{"EXPIRED"}));
}

TEST(CreditLine, ADrawForConsumptionIsRefusedAsEligibilityRefusesIt) {
  CreditLine line{5'000'000, absl::CivilDay(2029, 12, 1), 0};
  Draw draw{1'000'000, 6, absl::CivilDay(2027, 1, 5)};
  draw.purpose = Purpose::kPersonalConsumption;
  EXPECT_EQ(Rules(CheckDraw(line, draw, false, Policy(), draw.day)), (std::vector<std::string>{"PURPOSE_CONSUMPTION"}));
}

}  // namespace
}  // namespace huinong::loans
