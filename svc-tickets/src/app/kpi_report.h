// GetKpiReport's use case (issue 12 item 9): the figures of a unit's
// subtree over a date range in a time zone, whole and per split period,
// and per child unit on request (domain/kpi.h does the counting).
//
// Decisions: a request belongs to its intake unit — where it was taken and
// its first responder answers for it — so every request counts once in a
// subtree however often it was transferred; "per child unit" slices the
// children that have requests; a clock still running is read as it stands
// at `now` (breached once its due time has passed), not as last stored.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "svc-tickets/src/domain/kpi.h"

namespace sql {
class Connection;
}

namespace huinong::tickets {

struct KpiQuery {
  std::string unit_path;  // the report unit's path, root/…/unit/
  std::string unit_id;
  absl::CivilDay first_day;
  absl::CivilDay last_day;
  KpiSplit split = KpiSplit::kWhole;
  bool by_child_unit = false;
  absl::TimeZone zone;
};

struct KpiAnswer {
  KpiPeriod period;
  KpiFigures totals;
  std::vector<KpiSlice> slices;
};

// INVALID_ARGUMENT naming "period.end" for a range SplitKpiPeriod refuses.
absl::StatusOr<KpiAnswer> BuildKpiReport(sql::Connection& conn, const KpiQuery& query, absl::Time now);

}  // namespace huinong::tickets
