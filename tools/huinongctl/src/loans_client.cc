// The stubs of svc-loans' services; see loans_client.h.
#include "tools/huinongctl/src/loans_client.h"

namespace huinong::ctl {

namespace v1 = ::huinong::loans::v1;

LoansClient::LoansClient(const Connection& connection)
    : connection_(connection),
      stubs_(connection.status().ok()
                 ? std::make_tuple(v1::BorrowerService::NewStub(connection.channel()),
                                   v1::ProductService::NewStub(connection.channel()),
                                   v1::ApplicationService::NewStub(connection.channel()),
                                   v1::ServicingService::NewStub(connection.channel()),
                                   v1::TownshipBreakerService::NewStub(connection.channel()),
                                   v1::SubsidyService::NewStub(connection.channel()),
                                   v1::CloseOfBusinessService::NewStub(connection.channel()),
                                   v1::RiskFundService::NewStub(connection.channel()))
                 : decltype(stubs_)()) {}

}  // namespace huinong::ctl
