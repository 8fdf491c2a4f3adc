// BorrowerService's gRPC handlers: borrowers, their dated poor-household
// registration, eligibility and the blacklist. Not built yet (see
// loans_services.h).
#pragma once

#include "huinong/loans/v1/borrower_service.grpc.pb.h"

namespace huinong::loans {

class BorrowersApi final : public v1::BorrowerService::Service {};

}  // namespace huinong::loans
