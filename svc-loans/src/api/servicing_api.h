// ServicingService's gRPC handlers: loans after disbursement, recovery,
// accountability and the monthly report. Not built yet (see
// loans_services.h).
#pragma once

#include "huinong/loans/v1/servicing_service.grpc.pb.h"

namespace huinong::loans {

class ServicingApi final : public v1::ServicingService::Service {};

}  // namespace huinong::loans
