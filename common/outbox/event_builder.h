// Builds the audit event that describes one state change, ready for
// outbox::Record in the change's own transaction.
//
// Guarantees: the event has a fresh ULID event_id, the time truncated to the
// microsecond (what svc-audit stores and hashes), the actor copied from the
// caller's verified principal, and before/after JSON holding only the changed
// top-level fields with personal data masked, each side at most 64 KiB (see
// change_json.h). Building is pure apart from drawing the id.
#pragma once

#include <string>

#include <google/protobuf/message.h>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "common/auth/principal.h"
#include "huinong/audit/v1/audit.pb.h"

namespace huinong::outbox {

struct Change {
  // The source service, e.g. "svc-org". svc-audit accepts an event only from
  // the service account of this name (the relay's token subject).
  std::string service;
  // Who did it: subject, unit and roles are copied from here.
  auth::Principal actor;
  std::string action;         // "org.CreateUnit"
  std::string resource_type;  // "unit"
  std::string resource_id;    // "units/01H…"
  std::string resource_unit;  // "units/{id}" the resource belongs to; may be empty
  std::string request_id;     // of the call that caused the change; empty for jobs
  // The resource before and after the change; null before a creation, null
  // after a deletion. Not owned; used only during BuildEvent.
  const google::protobuf::Message* before = nullptr;
  const google::protobuf::Message* after = nullptr;
};

// INTERNAL when a message cannot be printed as JSON.
absl::StatusOr<huinong::audit::v1::Event> BuildEvent(const Change& change, absl::Time now);

}  // namespace huinong::outbox
