// ApplicationService's gRPC handlers: the application workflow and the
// credit lines it opens. Not built yet (see loans_services.h).
#pragma once

#include "huinong/loans/v1/application_service.grpc.pb.h"

namespace huinong::loans {

class ApplicationsApi final : public v1::ApplicationService::Service {};

}  // namespace huinong::loans
