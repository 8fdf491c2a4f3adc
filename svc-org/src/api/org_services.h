// The seven services svc-org serves, sharing one OrgKit: what main.cc hosts,
// and what the in-process tests host the same way.
#pragma once

#include <memory>
#include <vector>

#include "common/server/service_main.h"
#include "svc-org/src/api/org_kit.h"

namespace huinong::org {

// Each entry is one handler class serving one service, reported to health
// checks under the service's full name.
std::vector<server::HostedService> OrgServices(std::shared_ptr<OrgKit> org);

}  // namespace huinong::org
