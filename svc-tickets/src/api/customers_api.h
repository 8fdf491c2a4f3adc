// CustomerService's gRPC handlers: the customer archive (app/customers.h
// for scope, who sees personal data whole and who writes) and the KPI
// report (kpi_report_api.cc, over app/kpi_report.h).
#pragma once

#include <memory>

#include "huinong/tickets/v1/customer_service.grpc.pb.h"
#include "svc-tickets/src/api/tickets_kit.h"

namespace huinong::tickets {

class CustomersApi final : public v1::CustomerService::Service, TicketsHandlers {
 public:
  explicit CustomersApi(std::shared_ptr<TicketsKit> tickets) : TicketsHandlers(std::move(tickets)) {}

  grpc::Status GetKpiReport(grpc::ServerContext* ctx, const v1::GetKpiReportRequest* req,
                            v1::KpiReport* resp) override;
  grpc::Status CreateCustomer(grpc::ServerContext* ctx, const v1::CreateCustomerRequest* req,
                              v1::Customer* resp) override;
  grpc::Status GetCustomer(grpc::ServerContext* ctx, const v1::GetCustomerRequest* req, v1::Customer* resp) override;
  grpc::Status UpdateCustomer(grpc::ServerContext* ctx, const v1::UpdateCustomerRequest* req,
                              v1::Customer* resp) override;
  grpc::Status ListCustomers(grpc::ServerContext* ctx, const v1::ListCustomersRequest* req,
                             v1::ListCustomersResponse* resp) override;
};

}  // namespace huinong::tickets
