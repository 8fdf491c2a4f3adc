// SQL of shift handovers (migration 0002: handovers, handover_people,
// handover_items). Functions take the connection of the caller's
// transaction or read.
//
// Guarantees: a person is outgoing in at most one PENDING handover per unit
// — InsertHandover answers FAILED_PRECONDITION / HANDOVER_PENDING otherwise,
// also when two are created at once (a unique key, not a prior read);
// LockHandover takes the row lock an acknowledgement takes first; a
// handover reads back with its people and items in the order written.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "svc-tickets/src/domain/handover.h"

namespace sql {
class Connection;
}

namespace huinong::tickets::store {

absl::Status InsertHandover(sql::Connection& conn, const Handover& h);
// State, acknowledgement and version; an acknowledged handover's outgoing
// people are no longer pending.
absl::Status UpdateHandover(sql::Connection& conn, const Handover& h);
absl::StatusOr<std::optional<Handover>> GetHandover(sql::Connection& conn, const std::string& id);
absl::StatusOr<std::optional<Handover>> LockHandover(sql::Connection& conn, const std::string& id);

struct HandoverQuery {
  // Scope: handovers whose unit path starts with one of these, or where
  // `person` is outgoing or incoming; empty paths: every handover.
  std::vector<std::string> scope_paths;
  std::string person;
  std::string unit_id;
  int kind = 0;
  int state = 0;
  std::string staff;  // outgoing or incoming
  std::optional<absl::Time> created_from, created_to;
  std::string after_id;
  int limit = 51;
};
absl::StatusOr<std::vector<Handover>> ListHandovers(sql::Connection& conn, const HandoverQuery& q);

}  // namespace huinong::tickets::store
