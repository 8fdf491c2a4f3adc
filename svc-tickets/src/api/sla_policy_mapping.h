// SLA policies between the domain (domain/sla_policy_match.h) and
// huinong.tickets.v1.SlaPolicy: the request's policy fields read with every
// bad field named, and a policy revision as the API shows it (its etag is
// the revision).
#pragma once

#include <string>

#include "common/rpc/status_details.h"
#include "huinong/tickets/v1/sla.pb.h"
#include "svc-tickets/src/domain/sla_policy_match.h"

namespace huinong::tickets {

v1::SlaPolicy SlaPolicyProto(const ConfiguredPolicy& p);

// Every field but name, unit and the output-only ones, under "`prefix`.":
// display_name 1–100 characters; types and priorities known, unspecified
// and repeats refused; a target's working time 0–60 days in whole seconds,
// its working days 1–60; at_risk_bp 0–9999; callbacks_required 0–2;
// max_callback_attempts 0–10. Each field is read on its own, so an update
// can keep the violations of the masked fields only.
void ReadPolicyFields(const v1::SlaPolicy& in, const std::string& prefix, ConfiguredPolicy& out, rpc::Violations& v);

}  // namespace huinong::tickets
