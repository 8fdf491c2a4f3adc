// The KPI report as the API gives it (kpi_mapping.h): enum numbers kept,
// rates with their parts, the open-ended last age bucket without max_age,
// unit names, and slices ordered by period, then unit.
#include <vector>

#include <gtest/gtest.h>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "svc-tickets/src/api/kpi_mapping.h"

namespace huinong::tickets {
namespace {

KpiFigures SomeFigures(int64_t received) {
  KpiFigures f;
  f.received = received;
  f.by_type = {{TicketType::kConsultation, 2}, {TicketType::kGrievance, 1}};
  f.by_channel = {{TicketChannel::kPatrol, 3}};
  f.by_priority = {{Priority::kP2, 1}, {Priority::kP4, 2}};
  f.first_contact_resolution = MakeRate(1, 3);
  f.resolution_on_time = MakeRate(7, 8);
  f.major_complaint_rate = MakeRate(1, 3);
  f.sla_breaches = 4;
  f.backlog = 2;
  const absl::Duration day = absl::Hours(24);
  f.backlog_by_age = {
      {absl::ZeroDuration(), day, 0}, {day, 3 * day, 1}, {3 * day, 7 * day, 0}, {7 * day, absl::InfiniteDuration(), 1}};
  f.stuck = 1;
  f.cancelled = 1;
  f.cancelled_by_reason = {{CancelReason::kCustomerWithdrew, 1}};
  f.manager_notified_on_time = MakeRate(0, 0);
  return f;
}

KpiPeriod Days(absl::CivilDay first, absl::CivilDay last) {
  const absl::TimeZone cst = absl::FixedTimeZone(8 * 3600);
  return {first, last, absl::FromCivil(absl::CivilSecond(first), cst),
          absl::FromCivil(absl::CivilSecond(last + 1), cst)};
}

TEST(KpiMappingTest, FiguresKeepTheApiNumbersAndTheRatesParts) {
  const v1::KpiFigures p = KpiFiguresProto(SomeFigures(3));
  EXPECT_EQ(p.received(), 3);
  ASSERT_EQ(p.by_type_size(), 2);
  EXPECT_EQ(p.by_type(0).type(), v1::TICKET_TYPE_CONSULTATION);
  EXPECT_EQ(p.by_type(0).count(), 2);
  EXPECT_EQ(p.by_type(1).type(), v1::TICKET_TYPE_GRIEVANCE);
  ASSERT_EQ(p.by_channel_size(), 1);
  EXPECT_EQ(p.by_channel(0).channel(), v1::TICKET_CHANNEL_PATROL);
  ASSERT_EQ(p.by_priority_size(), 2);
  EXPECT_EQ(p.by_priority(0).priority(), v1::PRIORITY_P2);
  EXPECT_EQ(p.by_priority(1).priority(), v1::PRIORITY_P4);
  EXPECT_EQ(p.by_priority(1).count(), 2);
  EXPECT_EQ(p.first_contact_resolution().numerator(), 1);
  EXPECT_EQ(p.first_contact_resolution().denominator(), 3);
  EXPECT_EQ(p.first_contact_resolution().rate_bp(), 3333);
  EXPECT_EQ(p.resolution_on_time().rate_bp(), 8750);
  EXPECT_EQ(p.major_complaint_rate().rate_bp(), 3333);
  EXPECT_EQ(p.manager_notified_on_time().denominator(), 0);
  EXPECT_EQ(p.manager_notified_on_time().rate_bp(), 0);
  EXPECT_EQ(p.sla_breaches(), 4);
  EXPECT_EQ(p.backlog(), 2);
  EXPECT_EQ(p.stuck(), 1);
  ASSERT_EQ(p.backlog_by_age_size(), 4);
  EXPECT_EQ(p.backlog_by_age(1).min_age().seconds(), 86400);
  EXPECT_EQ(p.backlog_by_age(1).max_age().seconds(), 3 * 86400);
  EXPECT_EQ(p.backlog_by_age(1).count(), 1);
  EXPECT_EQ(p.backlog_by_age(3).min_age().seconds(), 7 * 86400);
  EXPECT_FALSE(p.backlog_by_age(3).has_max_age());  // no upper bound
  EXPECT_EQ(p.cancelled(), 1);
  ASSERT_EQ(p.cancelled_by_reason_size(), 1);
  EXPECT_EQ(p.cancelled_by_reason(0).reason(), v1::CANCEL_REASON_CUSTOMER_WITHDREW);
}

TEST(KpiMappingTest, ReportSlicesOrderedByPeriodThenUnit) {
  const KpiPeriod whole = Days(absl::CivilDay(2026, 3, 30), absl::CivilDay(2026, 4, 12));
  const KpiPeriod w14 = Days(absl::CivilDay(2026, 3, 30), absl::CivilDay(2026, 4, 5));
  const KpiPeriod w15 = Days(absl::CivilDay(2026, 4, 6), absl::CivilDay(2026, 4, 12));
  std::vector<KpiSlice> slices = {{w15, "v2", SomeFigures(4)},
                                  {w14, "v2", SomeFigures(2)},
                                  {w15, "v1", SomeFigures(3)},
                                  {w14, "v1", SomeFigures(1)}};
  const absl::Time generated = absl::FromUnixSeconds(1'775'000'000);
  const v1::KpiReport r = KpiReportProto("t1", whole, SomeFigures(10), slices, generated);
  EXPECT_EQ(r.unit(), "units/t1");
  EXPECT_EQ(r.period().start().day(), 30);
  EXPECT_EQ(r.period().end().month(), 4);
  EXPECT_EQ(r.period().end().day(), 12);
  EXPECT_EQ(r.totals().received(), 10);
  ASSERT_EQ(r.slices_size(), 4);
  // w14 v1, w14 v2, w15 v1, w15 v2: received 1, 2, 3, 4.
  for (int i = 0; i < 4; ++i) EXPECT_EQ(r.slices(i).figures().received(), i + 1) << i;
  EXPECT_EQ(r.slices(0).unit(), "units/v1");
  EXPECT_EQ(r.slices(1).unit(), "units/v2");
  EXPECT_EQ(r.slices(2).period().start().day(), 6);
  EXPECT_EQ(r.slices(2).period().end().day(), 12);
  EXPECT_EQ(r.generate_time().seconds(), 1'775'000'000);
}

}  // namespace
}  // namespace huinong::tickets
