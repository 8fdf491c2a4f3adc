// See mutation.h.
#include "common/server/mutation.h"

#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/outbox/event_builder.h"
#include "common/outbox/outbox.h"

namespace huinong::server {

Mutation::Mutation(sql::Connection& tx, const auth::Principal& caller, std::string method,
                   std::string request_id, const ServiceIdentity& service, const BusinessClock& clock,
                   bool validate_only)
    : tx_(tx),
      caller_(caller),
      method_(std::move(method)),
      request_id_(std::move(request_id)),
      service_(service),
      now_(clock.Now()),
      today_(clock.DayOf(now_)),
      validate_only_(validate_only) {}

absl::Status Mutation::Record(const AuditEntry& entry) {
  outbox::Change change;
  change.service = service_.service;
  change.actor = entry.actor != nullptr ? *entry.actor : caller_;
  change.action = absl::StrCat(service_.action_prefix, ".", entry.method.empty() ? method_ : entry.method);
  change.resource_type = entry.resource_type;
  change.resource_id = entry.resource_name;
  change.resource_unit = entry.resource_unit;
  change.request_id = entry.request_id.empty() ? request_id_ : entry.request_id;
  change.before = entry.before;
  change.after = entry.after;
  ASSIGN_OR_RETURN(huinong::audit::v1::Event event, outbox::BuildEvent(change, now_));
  RETURN_IF_ERROR(outbox::Record(tx_, event));
  ++events_recorded_;
  return absl::OkStatus();
}

}  // namespace huinong::server
