// Proto <-> domain for approval chains (changes.proto <->
// domain/change_request.h). Names become ids on the way in and ids names on
// the way out; the request checks (approval_chains_api.cc) run first.
#pragma once

#include <string>
#include <vector>

#include "huinong/org/v1/changes.pb.h"
#include "svc-org/src/domain/change_request.h"

namespace huinong::org {

std::string ChainName(const std::string& id);  // "approvalChains/{id}"
v1::ApprovalChain ToProto(const ApprovalChain& chain);
// The steps of `chain` in order, each at_unit "units/{id}" read as its id.
std::vector<StepTemplate> StepsFromProto(const v1::ApprovalChain& chain);

}  // namespace huinong::org
