// Proto <-> domain for audit events and checkpoints, and the shape checks of
// incoming events (every bad field named as "events[i].field").
#pragma once

#include <string>

#include "common/rpc/errors.h"
#include "huinong/audit/v1/audit.pb.h"
#include "svc-audit/src/domain/chain.h"

namespace huinong::audit {

v1::Event ToProto(const Event& e);
v1::Checkpoint ToProto(const Checkpoint& c);
Event FromProto(const v1::Event& e);

// Checks one incoming event; `prefix` is "events[3]".
void CheckEvent(const v1::Event& e, const std::string& prefix, rpc::Violations& v);

// A JSON object with these string fields, for the after_json of read events.
std::string JsonObject(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace huinong::audit
