// The relay's SQL on the outbox tables (see db/migrations/0002_outbox.sql).
// These run inside DbPool bodies, which turn Connector/C++ exceptions into
// statuses; nothing here commits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace sql {
class Connection;
}

namespace huinong::outbox::store {

struct PendingEvent {
  int64_t seq = 0;
  std::string payload;  // a serialized huinong.audit.v1.Event
};

// Locks the lease row for this transaction. False when another replica's
// transaction holds it (SKIP LOCKED: never waits).
bool TryLease(sql::Connection& conn);

// The unsent events with the lowest seq, ascending, at most `limit`.
std::vector<PendingEvent> Pending(sql::Connection& conn, int limit);

void MarkSent(sql::Connection& conn, const std::vector<int64_t>& seqs);

// Deletes at most `limit` rows sent before `cutoff`; returns how many.
int DeleteSentBefore(sql::Connection& conn, absl::Time cutoff, int limit);

struct Backlog {
  int64_t unsent = 0;
  std::optional<absl::Time> oldest;  // event time of the lowest unsent seq
};
Backlog ReadBacklog(sql::Connection& conn);

}  // namespace huinong::outbox::store
