// One realistic event for the chain's unit tests (Chinese text in the JSON,
// two roles, a resource in a village unit), numbered by `n`.
#pragma once

#include <cstdint>
#include <string>

#include "common/audit_chain/chain.h"

namespace huinong::audit::testing {

inline Event SampleEvent(int64_t n) {
  Event e;
  e.event_id = "01HEVENT" + std::to_string(n);
  e.time = absl::FromUnixMicros(1714552200123456 + n);
  e.service = "svc-org";
  e.actor_subject = "staff/wang";
  e.actor_unit = "units/T1";
  e.actor_roles = {"org.admin", "staff"};
  e.action = "org.CreateUnit";
  e.resource_type = "unit";
  e.resource_id = "units/V" + std::to_string(n);
  e.resource_unit = e.resource_id;
  e.request_id = "req-" + std::to_string(n);
  e.after_json = "{\"display_name\":\"东红寺村\"}";
  return e;
}

}  // namespace huinong::audit::testing
