// See tickets_services.h.
#include "svc-tickets/src/api/tickets_services.h"

#include <memory>

#include "svc-tickets/src/api/callback_handover_api.h"
#include "svc-tickets/src/api/customers_api.h"
#include "svc-tickets/src/api/sla_policies_api.h"
#include "svc-tickets/src/api/tickets_api.h"

namespace huinong::tickets {

std::vector<server::HostedService> TicketsServices(std::shared_ptr<TicketsKit> tickets) {
  std::vector<server::HostedService> services;
  services.push_back({v1::TicketService::service_full_name(), std::make_unique<TicketsApi>(tickets)});
  services.push_back({v1::SlaPolicyService::service_full_name(), std::make_unique<SlaPoliciesApi>(tickets)});
  services.push_back({v1::CallbackHandoverService::service_full_name(), std::make_unique<CallbackHandoverApi>(tickets)});
  services.push_back({v1::CustomerService::service_full_name(), std::make_unique<CustomersApi>(tickets)});
  return services;
}

}  // namespace huinong::tickets
