// What the KPI report reads of the tickets of a unit's subtree (by intake
// unit) that matter to a period: created before its end and either created
// in it or not closed before it starts — in four statements (the tickets,
// their timelines, clocks and callbacks), however many tickets. The reads
// are not one snapshot (READ COMMITTED): a ticket taken between them is left
// out of the later ones' rows, never an error.
#pragma once

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "svc-tickets/src/domain/kpi.h"

namespace sql {
class Connection;
}

namespace huinong::tickets::store {

struct KpiRow {
  std::string intake_path;  // root/…/unit/
  KpiTicket facts;
};

absl::StatusOr<std::vector<KpiRow>> LoadKpiTickets(sql::Connection& conn, const std::string& path_prefix,
                                                   absl::Time from, absl::Time to);

}  // namespace huinong::tickets::store
