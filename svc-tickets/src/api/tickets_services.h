// The four services svc-tickets serves (protos/huinong/tickets/v1/*_service.proto):
// what main.cc hosts, and what in-process tests can host the same way. They
// share one TicketsKit. Methods not built yet answer UNIMPLEMENTED (the
// generated base) — what clients see until the work that builds them lands
// (README status table). Never a fake success.
#pragma once

#include <memory>
#include <vector>

#include "common/server/service_main.h"
#include "svc-tickets/src/api/tickets_kit.h"

namespace huinong::tickets {

// One handler object per service, each reported to health checks under the
// service's full name, in the order of ticket_service.proto's list.
std::vector<server::HostedService> TicketsServices(std::shared_ptr<TicketsKit> tickets);

}  // namespace huinong::tickets
