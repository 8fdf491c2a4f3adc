// svc-loans: wiring only (see common/server/service_main.h).
#include "common/server/service_main.h"
#include "svc-loans/src/api/loans_api.h"
#include "svc-loans/src/store/migrations.h"

int main(int argc, char** argv) {
  using namespace huinong;
  server::ServiceSpec spec = server::StandardSpec("loans", 3);
  spec.migrations = {loans::Migrations()};
  spec.build = server::Host(loans::v1::LoanService::service_full_name(), [](server::ServiceContext&) {
    return std::make_unique<loans::LoanApi>();
  });
  return server::RunService(argc, argv, spec);
}
