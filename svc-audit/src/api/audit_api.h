// AuditService's gRPC handlers. None is implemented yet: the generated base class
// answers UNIMPLEMENTED for every method, which is what clients see until the
// issue that builds svc-audit lands (README status table). Never a fake success.
#pragma once

#include "huinong/audit/v1/audit.grpc.pb.h"

namespace huinong::audit {

class AuditApi final : public v1::AuditService::Service {};

}  // namespace huinong::audit
