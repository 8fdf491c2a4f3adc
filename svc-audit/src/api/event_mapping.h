// The shape checks of incoming events (every bad field named as
// "events[i].field"); conversions live in chain_mapping.h.
#pragma once

#include <string>

#include "common/audit_chain/chain.h"
#include "common/audit_chain/chain_mapping.h"
#include "common/rpc/errors.h"
#include "huinong/audit/v1/audit.pb.h"

namespace huinong::audit {

// Checks one incoming event; `prefix` is "events[3]".
void CheckEvent(const v1::Event& e, const std::string& prefix, rpc::Violations& v);

// A JSON object with these string fields in this order, for the after_json
// of read events; in the canonical form (common/core/canonical_json.h).
// A name given twice keeps its first place and its last value.
std::string JsonObject(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace huinong::audit
