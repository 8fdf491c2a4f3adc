// See unit_events.h.
#include "svc-org/src/api/unit_events.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/status_macros.h"
#include "common/outbox/event_builder.h"
#include "common/outbox/outbox.h"

namespace huinong::org {

absl::Status RecordUnitEvent(sql::Connection& conn, const auth::Principal& caller,
                             absl::string_view method, const std::string& request_id,
                             const v1::Unit* before, const v1::Unit& after) {
  outbox::Change change;
  change.service = kServiceName;
  change.actor = caller;
  change.action = absl::StrCat("org.", method);
  change.resource_type = "unit";
  change.resource_id = after.name();
  // A unit belongs to itself: a township auditor sees its own units' history.
  change.resource_unit = after.name();
  change.request_id = request_id;
  change.before = before;
  change.after = &after;
  ASSIGN_OR_RETURN(huinong::audit::v1::Event event, outbox::BuildEvent(change, absl::Now()));
  return outbox::Record(conn, event);
}

}  // namespace huinong::org
