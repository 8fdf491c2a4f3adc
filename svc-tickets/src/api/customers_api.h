// CustomerService's gRPC handlers: the KPI report (kpi_report_api.cc, over
// app/kpi_report.h). The customer archive's methods are not built yet: they
// answer UNIMPLEMENTED (the generated base), never a fake success.
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
};

}  // namespace huinong::tickets
