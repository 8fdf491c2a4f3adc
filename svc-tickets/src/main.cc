// svc-tickets: wiring only (see common/server/service_main.h). The four
// services of huinong.tickets.v1 are api/tickets_services.h.
#include "common/server/service_main.h"
#include "svc-tickets/src/api/tickets_services.h"
#include "svc-tickets/src/store/migrations.h"

int main(int argc, char** argv) {
  using namespace huinong;
  server::ServiceSpec spec = server::StandardSpec("tickets", 2);
  spec.migrations = {tickets::Migrations()};
  spec.build = [](server::ServiceContext&) -> absl::StatusOr<std::vector<server::HostedService>> {
    return tickets::TicketsServices();
  };
  return server::RunService(argc, argv, spec);
}
