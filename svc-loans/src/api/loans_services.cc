// See loans_services.h.
#include "svc-loans/src/api/loans_services.h"

#include <memory>

#include "svc-loans/src/api/applications_api.h"
#include "svc-loans/src/api/borrowers_api.h"
#include "svc-loans/src/api/close_of_business_api.h"
#include "svc-loans/src/api/products_api.h"
#include "svc-loans/src/api/risk_fund_api.h"
#include "svc-loans/src/api/servicing_api.h"
#include "svc-loans/src/api/subsidies_api.h"
#include "svc-loans/src/api/township_breaker_api.h"

namespace huinong::loans {

std::vector<server::HostedService> LoansServices(std::shared_ptr<LoansKit> loans) {
  std::vector<server::HostedService> services;
  services.push_back({v1::BorrowerService::service_full_name(), std::make_unique<BorrowersApi>(loans)});
  services.push_back({v1::ProductService::service_full_name(), std::make_unique<ProductsApi>(loans)});
  services.push_back({v1::ApplicationService::service_full_name(), std::make_unique<ApplicationsApi>(loans)});
  services.push_back({v1::ServicingService::service_full_name(), std::make_unique<ServicingApi>(loans)});
  services.push_back({v1::SubsidyService::service_full_name(), std::make_unique<SubsidiesApi>(loans)});
  services.push_back({v1::RiskFundService::service_full_name(), std::make_unique<RiskFundApi>(loans)});
  services.push_back({v1::TownshipBreakerService::service_full_name(), std::make_unique<TownshipBreakerApi>(loans)});
  services.push_back({v1::CloseOfBusinessService::service_full_name(), std::make_unique<CloseOfBusinessApi>(loans)});
  return services;
}

}  // namespace huinong::loans
