// See suite_services.h. The names come from the generated code, so a renamed
// service cannot be missed here.
#include "tools/huinongctl/src/suite_services.h"

#include "huinong/audit/v1/audit.grpc.pb.h"
#include "huinong/loans/v1/application_service.grpc.pb.h"
#include "huinong/loans/v1/borrower_service.grpc.pb.h"
#include "huinong/loans/v1/close_of_business_service.grpc.pb.h"
#include "huinong/loans/v1/product_service.grpc.pb.h"
#include "huinong/loans/v1/risk_fund_service.grpc.pb.h"
#include "huinong/loans/v1/servicing_service.grpc.pb.h"
#include "huinong/loans/v1/subsidy_service.grpc.pb.h"
#include "huinong/loans/v1/township_breaker_service.grpc.pb.h"
#include "huinong/org/v1/calendar_service.grpc.pb.h"
#include "huinong/org/v1/change_service.grpc.pb.h"
#include "huinong/org/v1/org_query_service.grpc.pb.h"
#include "huinong/org/v1/post_service.grpc.pb.h"
#include "huinong/org/v1/staff_service.grpc.pb.h"
#include "huinong/org/v1/staffing_service.grpc.pb.h"
#include "huinong/org/v1/unit_service.grpc.pb.h"
#include "huinong/tickets/v1/callback_handover_service.grpc.pb.h"
#include "huinong/tickets/v1/customer_service.grpc.pb.h"
#include "huinong/tickets/v1/sla_policy_service.grpc.pb.h"
#include "huinong/tickets/v1/ticket_service.grpc.pb.h"

namespace huinong::ctl {

const std::vector<SuiteService>& SuiteServices() {
  static const std::vector<SuiteService>* services = new std::vector<SuiteService>{
      {"org", org::v1::UnitService::service_full_name()},
      {"org", org::v1::PostService::service_full_name()},
      {"org", org::v1::StaffService::service_full_name()},
      {"org", org::v1::ChangeService::service_full_name()},
      {"org", org::v1::StaffingService::service_full_name()},
      {"org", org::v1::OrgQueryService::service_full_name()},
      {"org", org::v1::CalendarService::service_full_name()},
      {"tickets", tickets::v1::TicketService::service_full_name()},
      {"tickets", tickets::v1::SlaPolicyService::service_full_name()},
      {"tickets", tickets::v1::CallbackHandoverService::service_full_name()},
      {"tickets", tickets::v1::CustomerService::service_full_name()},
      {"loans", loans::v1::BorrowerService::service_full_name()},
      {"loans", loans::v1::ProductService::service_full_name()},
      {"loans", loans::v1::ApplicationService::service_full_name()},
      {"loans", loans::v1::ServicingService::service_full_name()},
      {"loans", loans::v1::SubsidyService::service_full_name()},
      {"loans", loans::v1::RiskFundService::service_full_name()},
      {"loans", loans::v1::TownshipBreakerService::service_full_name()},
      {"loans", loans::v1::CloseOfBusinessService::service_full_name()},
      {"audit", audit::v1::AuditService::service_full_name()},
  };
  return *services;
}

}  // namespace huinong::ctl
