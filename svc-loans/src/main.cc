// svc-loans: wiring only (see common/server/service_main.h). The seven
// services of huinong.loans.v1 are api/loans_services.h.
#include "common/server/service_main.h"
#include "svc-loans/src/api/loans_services.h"
#include "svc-loans/src/store/migrations.h"

int main(int argc, char** argv) {
  using namespace huinong;
  server::ServiceSpec spec = server::StandardSpec("loans", 3);
  spec.migrations = {loans::Migrations()};
  spec.build = [](server::ServiceContext&) -> absl::StatusOr<std::vector<server::HostedService>> {
    return loans::LoansServices();
  };
  return server::RunService(argc, argv, spec);
}
