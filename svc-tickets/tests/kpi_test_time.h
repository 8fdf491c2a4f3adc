// The instants the KPI tests work in: Shanghai's days of April 2026 (the
// hand-worked week, 2026-W15) and UTC instants to compare them with.
#pragma once

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "svc-tickets/src/domain/kpi.h"

namespace huinong::tickets {

inline const absl::TimeZone& Shanghai() {
  static const absl::TimeZone zone = [] {
    absl::TimeZone z;
    if (!absl::LoadTimeZone("Asia/Shanghai", &z)) z = absl::FixedTimeZone(8 * 3600);
    return z;
  }();
  return zone;
}

// 2026-04-dd hh:mm:ss in Shanghai (UTC+8).
inline absl::Time Apr(int day, int hour, int minute = 0, int second = 0) {
  return absl::FromCivil(absl::CivilSecond(2026, 4, day, hour, minute, second), Shanghai());
}
inline absl::Time Utc(int month, int day, int hour, int minute = 0, int second = 0) {
  return absl::FromCivil(absl::CivilSecond(2026, month, day, hour, minute, second), absl::UTCTimeZone());
}

// The hand-worked week, 2026-W15 (Monday 6 to Sunday 12 April) in Shanghai.
inline KpiPeriod Week15() {
  absl::StatusOr<std::vector<KpiPeriod>> p =
      SplitKpiPeriod(absl::CivilDay(2026, 4, 6), absl::CivilDay(2026, 4, 12), KpiSplit::kWhole, Shanghai());
  return p->at(0);
}

}  // namespace huinong::tickets
