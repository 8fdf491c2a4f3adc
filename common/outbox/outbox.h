// Writing an audit event into the service's own `outbox` table, inside the
// transaction of the change it describes: the change and its event commit
// together or not at all, so a change whose event cannot be written does not
// happen, and an event never exists for a change that rolled back.
//
// Guarantees of Record:
// - one INSERT on the caller's connection, no commit of its own;
// - an event svc-audit would refuse forever (and so block the relay behind
//   it) is refused here instead, with INTERNAL, before anything is written:
//   event_id not a ULID, time unset, required fields empty or malformed,
//   before/after JSON not an object or larger than 64 KiB;
// - database errors come back as statuses (see db::StatusFromSqlError), so a
//   deadlock still makes DbPool::Transact run the whole change again.
#pragma once

#include "absl/status/status.h"
#include "huinong/audit/v1/audit.pb.h"

namespace sql {
class Connection;
}

namespace huinong::outbox {

absl::Status Record(sql::Connection& conn, const huinong::audit::v1::Event& event);

// The checks Record applies (exposed for tests): OK or INTERNAL naming the field.
absl::Status CheckEvent(const huinong::audit::v1::Event& event);

}  // namespace huinong::outbox
