// Proto <-> domain for quotas and the quota report, and the shape checks of
// quota requests (fields named "quota.max_headcount", ...).
#pragma once

#include <string>

#include "common/rpc/errors.h"
#include "huinong/org/v1/quotas.pb.h"
#include "svc-org/src/domain/quota.h"

namespace huinong::org {

std::string QuotaName(const std::string& id);
v1::Quota ToProto(const Quota& quota);
v1::QuotaReport ToProto(const QuotaReport& report);

// The terms a client may set; kind, min and max are checked together (an
// EXACT quota given only max takes min = max). `prefix` is "quota".
void ReadQuotaTerms(const v1::Quota& in, const std::string& prefix, QuotaTerms& out,
                    rpc::Violations& v);

bool ValidQuotaKind(int kind);

}  // namespace huinong::org
