// See event_builder.h.
#include "common/outbox/event_builder.h"

#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/outbox/change_json.h"
#include "common/rpc/proto_time.h"

namespace huinong::outbox {

absl::StatusOr<huinong::audit::v1::Event> BuildEvent(const Change& change, absl::Time now) {
  ASSIGN_OR_RETURN(ChangedFields fields, DiffJson(change.before, change.after));
  huinong::audit::v1::Event event;
  event.set_event_id(NewUlid());
  // svc-audit keeps microseconds; dropping the rest here means the outbox
  // row, the sent payload and the stored event all carry the same instant.
  *event.mutable_time() = rpc::ToTimestamp(now);  // whole microseconds
  event.set_service(change.service);
  event.mutable_actor()->set_subject(change.actor.subject);
  event.mutable_actor()->set_unit(change.actor.unit);
  for (const auto& role : change.actor.roles) event.mutable_actor()->add_roles(role);
  event.set_action(change.action);
  event.set_resource_type(change.resource_type);
  event.set_resource_id(change.resource_id);
  event.set_resource_unit(change.resource_unit);
  event.set_request_id(change.request_id);
  event.set_before_json(std::move(fields.before_json));
  event.set_after_json(std::move(fields.after_json));
  return event;
}

}  // namespace huinong::outbox
