// Proto <-> domain for concurrency policies, and the shape checks of policy
// requests: a whitelist entry needs at least two posts, a segregation pair
// two different ones, each selector a post name or a post code.
#pragma once

#include <string>

#include "common/rpc/errors.h"
#include "huinong/org/v1/staff.pb.h"
#include "svc-org/src/domain/concurrency.h"

namespace huinong::org {

std::string PolicyName(const std::string& id);
v1::ConcurrencyPolicy ToProto(const ConcurrencyPolicy& policy);

// `prefix` is "policy". Each field is read on its own, so an update can keep
// the violations of the masked fields only.
void ReadPolicyFields(const v1::ConcurrencyPolicy& in, const std::string& prefix,
                      ConcurrencyPolicy& out, rpc::Violations& v);

}  // namespace huinong::org
