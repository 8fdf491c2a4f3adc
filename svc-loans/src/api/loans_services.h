// The eight services svc-loans serves (protos/huinong/loans/v1/*_service.proto):
// what main.cc hosts, and what in-process tests can host the same way, all
// sharing one LoansKit.
//
// Services not built yet keep the generated base, which answers
// UNIMPLEMENTED for every method — what clients see until the issue that
// builds it lands (README status table). Never a fake success.
#pragma once

#include <memory>
#include <vector>

#include "common/server/service_main.h"
#include "svc-loans/src/api/loans_kit.h"

namespace huinong::loans {

// One handler object per service, each reported to health checks under the
// service's full name, in the order of borrower_service.proto's list.
std::vector<server::HostedService> LoansServices(std::shared_ptr<LoansKit> loans);

}  // namespace huinong::loans
