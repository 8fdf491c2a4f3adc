// The audit events of the unit registry: each successful CreateUnit,
// UpdateUnit and MoveUnit records exactly one event in its own transaction,
// after the store write, naming the unit as resource and the unit it belongs
// to (itself), with the unit's fields before and after the change.
#pragma once

#include <string>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "common/auth/principal.h"
#include "huinong/org/v1/units.pb.h"

namespace sql {
class Connection;
}

namespace huinong::org {

// The service account svc-org's outbox relay acts as; svc-audit accepts an
// event only when its `service` is the caller's subject.
inline constexpr char kServiceName[] = "svc-org";

// Records "org.<method>" for `after` (and `before`, null for a creation) in
// the transaction on `conn`; an error must abort the change.
absl::Status RecordUnitEvent(sql::Connection& conn, const auth::Principal& caller,
                             absl::string_view method, const std::string& request_id,
                             const v1::Unit* before, const v1::Unit& after);

}  // namespace huinong::org
