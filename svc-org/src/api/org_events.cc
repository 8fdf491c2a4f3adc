// See org_events.h.
#include "svc-org/src/api/org_events.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/core/status_macros.h"
#include "common/outbox/event_builder.h"
#include "common/outbox/outbox.h"
#include "svc-org/src/api/unit_events.h"

namespace huinong::org {

absl::Status RecordOrgEvent(sql::Connection& conn, const auth::Principal& caller,
                            const std::string& request_id, const OrgChange& c) {
  outbox::Change change;
  change.service = kServiceName;
  change.actor = caller;
  change.action = absl::StrCat("org.", c.method);
  change.resource_type = std::string(c.resource_type);
  change.resource_id = c.resource_name;
  change.resource_unit = c.resource_unit;
  change.request_id = request_id;
  change.before = c.before;
  change.after = c.after;
  ASSIGN_OR_RETURN(huinong::audit::v1::Event event, outbox::BuildEvent(change, absl::Now()));
  return outbox::Record(conn, event);
}

}  // namespace huinong::org
