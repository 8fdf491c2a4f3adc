// The period a lending report covers (000:1607: a monthly report, and a
// quarterly bulletin): a month "2026-10" or a quarter "2026Q3", its first
// and last business dates (days in the county's time zone: a month's are
// its 1st and last calendar days, a quarter's those of its first and third
// months), and the instant it ends — 24:00 local of its last day, the
// moment "as it stood at the period's end" reads. Pure.
//
// Guarantees: only a period that has ended is a report's period (its last
// day before the county's today), so a report never shows a month still
// moving; a quarter's days are exactly the union of its three months'.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace huinong::loans {

enum class PeriodKind { kMonth = 1, kQuarter = 2 };

struct ReportPeriod {
  PeriodKind kind = PeriodKind::kMonth;
  std::string label;  // "2026-10", "2026Q3"
  absl::CivilDay first_day;
  absl::CivilDay last_day;

  bool operator==(const ReportPeriod&) const = default;
};

// "YYYY-MM" (month 01-12) / "YYYYQn" (n 1-4), of a period whose last day is
// before `today`; INVALID_ARGUMENT otherwise, the message saying what is
// wrong (the caller names its field).
absl::StatusOr<ReportPeriod> MonthPeriod(absl::string_view text, absl::CivilDay today);
absl::StatusOr<ReportPeriod> QuarterPeriod(absl::string_view text, absl::CivilDay today);

// The instant the period ends in `zone`: the start of the day after its last.
absl::Time PeriodEnd(const ReportPeriod& period, const absl::TimeZone& zone);
// The instant it starts: 00:00 local of its first day.
absl::Time PeriodStart(const ReportPeriod& period, const absl::TimeZone& zone);

// The three months of a quarter, in order (a month: itself).
std::vector<ReportPeriod> MonthsOf(const ReportPeriod& period);

// The periods whose last day is `day`: none, its month (the month's last
// day), or its month and its quarter (a quarter's last day) — what the
// close-of-business job reports on when it closes `day`.
std::vector<ReportPeriod> PeriodsEndingOn(absl::CivilDay day);

}  // namespace huinong::loans
