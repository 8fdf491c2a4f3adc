// LoanService's gRPC handlers. None is implemented yet: the generated base class
// answers UNIMPLEMENTED for every method, which is what clients see until the
// issue that builds svc-loans lands (README status table). Never a fake success.
#pragma once

#include "huinong/loans/v1/loans.grpc.pb.h"

namespace huinong::loans {

class LoanApi final : public v1::LoanService::Service {};

}  // namespace huinong::loans
