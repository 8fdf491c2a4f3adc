// SQL of a ticket's SLA clocks and the scanner's work list (migration
// 0001: ticket_clocks, ticket_deadlines, sla_scanner_lease). The caller
// holds the ticket's row lock (ticket_store.h LockTicket) when it saves.
//
// Guarantees: SaveClocks replaces the ticket's clocks and its next check in
// one go (no row for a ticket with nothing to watch); InsertClocks writes
// them for a ticket that has none yet, without the DELETEs; DueTickets reads the
// next-check index only, in next-check order; lease times are the
// database's (NOW(6)), so replicas whose clocks disagree agree on the holder.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "svc-tickets/src/domain/clock_watch.h"

namespace sql {
class Connection;
}

namespace huinong::tickets::store {

struct ClockRecord {
  WatchedClock watched;
  std::string policy;  // "slaPolicies/{id}", or "" for the seed defaults
  Priority priority = Priority::kP4;
};

absl::StatusOr<std::vector<ClockRecord>> LoadClocks(sql::Connection& conn, const std::string& ticket_id);
absl::Status SaveClocks(sql::Connection& conn, const std::string& ticket_id, const std::vector<ClockRecord>& clocks,
                        std::optional<absl::Time> next_check);
absl::Status InsertClocks(sql::Connection& conn, const std::string& ticket_id, const std::vector<ClockRecord>& clocks,
                          std::optional<absl::Time> next_check);

// Moves the ticket's next check to `at` (a scan that failed tries again then).
absl::Status PostponeCheck(sql::Connection& conn, const std::string& ticket_id, absl::Time at);

// Tickets whose next check is at or before `now`, earliest first.
absl::StatusOr<std::vector<std::string>> DueTickets(sql::Connection& conn, absl::Time now, int limit);

// Takes the scanner's lease for `holder` until `ttl` from now when nobody
// holds it, it lapsed, or `holder` has it; false when another holds it.
absl::StatusOr<bool> TakeScannerLease(sql::Connection& conn, const std::string& holder, absl::Duration ttl);
absl::Status ReleaseScannerLease(sql::Connection& conn, const std::string& holder);

// Open tickets per priority and worst clock state, for the gauges.
struct OpenCount {
  Priority priority;
  std::string sla_state;  // "ok", "at_risk", "breached"
  int64_t count;
};
absl::StatusOr<std::vector<OpenCount>> CountOpenTickets(sql::Connection& conn);
// The earliest next check at or before `now` (the scanner's backlog), if any.
absl::StatusOr<std::optional<absl::Time>> OldestDueCheck(sql::Connection& conn, absl::Time now);

}  // namespace huinong::tickets::store
