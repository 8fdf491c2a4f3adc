// Quotas and the quota report with the seeds' own numbers: 康飞塑业's
// 行政人事部 is "9人" while its posts add up to 7 (`004:21`), and its two
// deputy general managers are "暂不设置" (frozen); a reserved vacancy
// (必要空岗, `004:61`); ranges (1–2); seats over time.
#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-org/src/domain/quota.h"
#include "svc-org/src/domain/staff.h"

namespace huinong::org {
namespace {

using absl::CivilDay;

QuotaTerms Terms(QuotaKind kind, int min, int max) {
  QuotaTerms t;
  t.kind = kind;
  t.min_headcount = min;
  t.max_headcount = max;
  return t;
}

Quota Of(std::string id, QuotaKind kind, int min, int max) {
  Quota q;
  q.id = std::move(id);
  q.terms.kind = kind;
  q.terms.min_headcount = min;
  q.terms.max_headcount = max;
  return q;
}

PostSeats Seats(std::string post, std::optional<Quota> quota, int filled, int acting = 0) {
  PostSeats s;
  s.post_id = post;
  s.title = post;
  s.quota = std::move(quota);
  s.filled = filled;
  s.acting = acting;
  return s;
}

TEST(QuotaShape, EachKindHasItsBounds) {
  QuotaTerms exact = Terms(QuotaKind::kExact, 0, 2);
  EXPECT_TRUE(NormalizeQuotaShape(exact).empty());
  EXPECT_EQ(exact.min_headcount, 2) << "EXACT given only max takes min = max";
  QuotaTerms bad_exact = Terms(QuotaKind::kExact, 1, 2);
  EXPECT_EQ(NormalizeQuotaShape(bad_exact).front().first, "min_headcount");
  QuotaTerms range = Terms(QuotaKind::kRange, 1, 2);
  EXPECT_TRUE(NormalizeQuotaShape(range).empty());
  QuotaTerms flat_range = Terms(QuotaKind::kRange, 2, 2);
  EXPECT_FALSE(NormalizeQuotaShape(flat_range).empty());
  QuotaTerms frozen = Terms(QuotaKind::kFrozen, 0, 0);
  EXPECT_TRUE(NormalizeQuotaShape(frozen).empty()) << "a frozen quota may record 0";
  QuotaTerms zero_exact = Terms(QuotaKind::kExact, 0, 0);
  EXPECT_EQ(NormalizeQuotaShape(zero_exact).front().first, "max_headcount");
  QuotaTerms reserved = Terms(QuotaKind::kReservedVacancy, 1, 2);
  EXPECT_EQ(NormalizeQuotaShape(reserved).front().first, "min_headcount");
  QuotaTerms none = Terms(QuotaKind::kUnspecified, 0, 1);
  EXPECT_EQ(NormalizeQuotaShape(none).front().first, "kind");
}

TEST(QuotaReport, NinePeopleWhosePostsAddUpToSeven) {
  // 行政人事部 (9人): 经理 1, 人事专员 1, 行政专员 1, 前台接待 1, 司机 1, 门卫兼保安 2.
  std::vector<PostSeats> posts = {
      Seats("经理", Of("q1", QuotaKind::kExact, 1, 1), 1),
      Seats("人事专员", Of("q2", QuotaKind::kExact, 1, 1), 1),
      Seats("行政专员", Of("q3", QuotaKind::kExact, 1, 1), 1),
      Seats("前台接待", Of("q4", QuotaKind::kExact, 1, 1), 1),
      Seats("司机", Of("q5", QuotaKind::kExact, 1, 1), 0),
      Seats("门卫兼保安", Of("q6", QuotaKind::kExact, 2, 2), 1),
  };
  // One person is both 行政专员 and 前台接待: 5 seats filled, 4 people.
  QuotaReport r = BuildQuotaReport(Of("total", QuotaKind::kExact, 9, 9), posts, 4);
  ASSERT_TRUE(r.unit_total.has_value());
  EXPECT_EQ(r.unit_total->max, 9);
  EXPECT_EQ(r.posts_sum.min, 7);
  EXPECT_EQ(r.posts_sum.max, 7);
  ASSERT_TRUE(r.difference.has_value());
  EXPECT_EQ(r.difference->min, 2);
  EXPECT_EQ(r.difference->max, 2);
  EXPECT_FALSE(r.balanced);
  EXPECT_EQ(r.headcount, 4);
  EXPECT_EQ(r.lines[4].vacancies, 1);  // 司机
  EXPECT_EQ(r.lines[5].vacancies, 1);  // 门卫兼保安 1 of 2
  EXPECT_TRUE(r.posts_without_quota.empty());
}

TEST(QuotaReport, FrozenSeatsAreNeitherSummedNorVacant) {
  // 总经理 1; 副总经理 2 暂不设置.
  std::vector<PostSeats> posts = {Seats("总经理", Of("gm", QuotaKind::kExact, 1, 1), 1),
                                  Seats("副总经理", Of("dgm", QuotaKind::kFrozen, 0, 2), 0)};
  QuotaReport r = BuildQuotaReport(Of("t", QuotaKind::kExact, 1, 1), posts, 1);
  EXPECT_EQ(r.posts_sum.max, 1);
  EXPECT_EQ(r.frozen, 2);
  EXPECT_TRUE(r.balanced);
  EXPECT_EQ(r.lines[1].vacancies, 0);
}

TEST(QuotaReport, ReservedRangeOverAndUnquoted) {
  std::vector<PostSeats> posts = {
      Seats("学科带头人", Of("r", QuotaKind::kReservedVacancy, 0, 2), 0),  // 必要空岗
      Seats("人事", Of("range", QuotaKind::kRange, 1, 2), 0, /*acting=*/1),
      Seats("出纳", Of("e", QuotaKind::kExact, 1, 1), 2),
      Seats("实习财务", std::nullopt, 1)};
  QuotaReport r = BuildQuotaReport(std::nullopt, posts, 4);
  EXPECT_EQ(r.lines[0].reserved, 2);
  EXPECT_EQ(r.lines[0].vacancies, 0) << "a reserved seat is no gap";
  EXPECT_EQ(r.lines[1].vacancies, 1) << "below the range's minimum; acting fills no seat";
  EXPECT_EQ(r.lines[1].acting, 1);
  EXPECT_EQ(r.lines[2].over_quota, 1);
  EXPECT_EQ(r.posts_without_quota, std::vector<std::string>{"实习财务"});
  EXPECT_EQ(r.posts_sum.min, 2);
  EXPECT_EQ(r.posts_sum.max, 5);
  EXPECT_FALSE(r.unit_total.has_value());
  EXPECT_FALSE(r.difference.has_value());
  EXPECT_FALSE(r.balanced);
}

TEST(Seats, FrozenAndFullQuotasRefuseOneMore) {
  EXPECT_TRUE(CheckSeatAvailable(std::nullopt, 40).ok());
  EXPECT_EQ(rpc::ReasonOf(CheckSeatAvailable(Terms(QuotaKind::kFrozen, 0, 2), 0)), "QUOTA_FROZEN");
  EXPECT_TRUE(CheckSeatAvailable(Terms(QuotaKind::kRange, 1, 2), 1).ok());
  EXPECT_EQ(rpc::ReasonOf(CheckSeatAvailable(Terms(QuotaKind::kRange, 1, 2), 2)), "QUOTA_EXCEEDED");
  EXPECT_TRUE(CheckSeatAvailable(Terms(QuotaKind::kReservedVacancy, 0, 1), 0).ok());
}

TEST(Seats, ThePeakCountsOnlyPeriodsInForceTogether) {
  // Holder A until March, B from April: one seat at a time.
  std::vector<std::pair<CivilDay, std::optional<CivilDay>>> periods = {
      {CivilDay(2025, 1, 1), CivilDay(2025, 3, 31)}, {CivilDay(2025, 4, 1), std::nullopt}};
  EXPECT_EQ(PeakOverlap(periods, CivilDay(2025, 1, 1), std::nullopt), 1);
  periods.push_back({CivilDay(2025, 6, 1), CivilDay(2025, 6, 30)});
  EXPECT_EQ(PeakOverlap(periods, CivilDay(2025, 1, 1), std::nullopt), 2);
  EXPECT_EQ(PeakOverlap(periods, CivilDay(2025, 7, 1), std::nullopt), 1);
  EXPECT_EQ(PeakOverlap(periods, CivilDay(2024, 1, 1), CivilDay(2024, 12, 31)), 0);
}

}  // namespace
}  // namespace huinong::org
