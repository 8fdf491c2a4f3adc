// The KPI report (domain/kpi.h) as the API's KpiFigures and KpiReport
// (kpi.proto). Enums keep the API's numbers; counts by type, channel,
// priority and cancel reason list the values that occur, in enum order (a
// missing value is 0); the backlog's age buckets are always all four; unit
// ids become "units/{id}"; slices come out ordered by period, then unit.
#pragma once

#include <string>
#include <vector>

#include "absl/time/time.h"
#include "huinong/tickets/v1/kpi.pb.h"
#include "svc-tickets/src/domain/kpi.h"

namespace huinong::tickets {

v1::KpiFigures KpiFiguresProto(const KpiFigures& figures);

// The report of unit `unit_id` over `period`: the totals of the whole period
// and subtree, and the slices (by split period and, with by_child_unit, by
// child unit).
v1::KpiReport KpiReportProto(const std::string& unit_id, const KpiPeriod& period, const KpiFigures& totals,
                             std::vector<KpiSlice> slices, absl::Time generate_time);

}  // namespace huinong::tickets
