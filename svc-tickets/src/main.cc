// svc-tickets: wiring only (see common/server/service_main.h).
#include "common/server/service_main.h"
#include "svc-tickets/src/api/tickets_api.h"
#include "svc-tickets/src/store/migrations.h"

int main(int argc, char** argv) {
  using namespace huinong;
  server::ServiceSpec spec = server::StandardSpec("tickets", 2);
  spec.migrations = {tickets::Migrations()};
  spec.build = server::Host(tickets::v1::TicketService::service_full_name(), [](server::ServiceContext&) {
    return std::make_unique<tickets::TicketApi>();
  });
  return server::RunService(argc, argv, spec);
}
