// The four services svc-tickets serves (protos/huinong/tickets/v1/*_service.proto):
// what main.cc hosts, and what in-process tests can host the same way.
//
// None is built yet: each handler class is the generated base, which answers
// UNIMPLEMENTED for every method — what clients see until the issue that
// builds it lands (README status table). Never a fake success.
#pragma once

#include <vector>

#include "common/server/service_main.h"

namespace huinong::tickets {

// One handler object per service, each reported to health checks under the
// service's full name, in the order of ticket_service.proto's list.
std::vector<server::HostedService> TicketsServices();

}  // namespace huinong::tickets
