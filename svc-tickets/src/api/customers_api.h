// CustomerService's gRPC handlers: the customer archive and the KPI reports.
// Not built yet (see tickets_services.h).
#pragma once

#include "huinong/tickets/v1/customer_service.grpc.pb.h"

namespace huinong::tickets {

class CustomersApi final : public v1::CustomerService::Service {};

}  // namespace huinong::tickets
