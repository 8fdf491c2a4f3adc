// An in-process svc-loans for API tests: a fresh database on the test
// MariaDB with the real migrations, the real handlers behind the real server
// bootstrap on a free port (the eight services hosted as the binary hosts
// them, api/loans_services.h), a client stub per service and real tokens.
// svc-org is a TableOrgView holding a small county:
//
//   county (COUNTY) ─ town1 (TOWNSHIP) ─ v11, v12 (VILLAGE)
//                   └ town2 (TOWNSHIP) ─ v21 (VILLAGE)
//                   └ risk (a department of the county centre, no level)
//   rcc (a bank, no level) ─ rcc-b1 (its county branch);  abc (another bank)
//   guarantor (the guarantee company);  picc (the insurer)
//
// and these people (staff id: capability @ unit):
//   clerk11: loans.intake @ v11      clerk21: loans.intake @ v21
//   clerk1: loans.intake @ town1 (the township department's, so its villages too)
//   director1: loans.survey.lead @ town1   director2: … @ town2
//   reviewer, reviewer2: loans.review.county @ county   policy: loans.policy @ county
//   guarantee: loans.guarantee @ guarantor   insure: loans.insure @ picc
//   rcc-officer: loans.contract, loans.disburse @ rcc-b1
//   abc-officer: loans.contract, loans.disburse @ abc
// Each acts for the unit of its grant (AsStaff).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "common/core/business_clock.h"
#include "common/db/tests/test_database.h"
#include "common/metrics/registry.h"
#include "common/server/service_host.h"
#include "common/server/tests/test_callers.h"
#include "huinong/audit/v1/audit.pb.h"
#include "huinong/loans/v1/application_service.grpc.pb.h"
#include "huinong/loans/v1/borrower_service.grpc.pb.h"
#include "huinong/loans/v1/close_of_business_service.grpc.pb.h"
#include "huinong/loans/v1/product_service.grpc.pb.h"
#include "huinong/loans/v1/risk_fund_service.grpc.pb.h"
#include "huinong/loans/v1/servicing_service.grpc.pb.h"
#include "huinong/loans/v1/subsidy_service.grpc.pb.h"
#include "huinong/loans/v1/township_breaker_service.grpc.pb.h"
#include "svc-loans/src/api/loans_services.h"
#include "svc-loans/tests/table_org_view.h"

namespace huinong::loans {

class LoansFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A context whose token is for `staff/{staff_id}` acting for `units/{unit_id}`.
  std::unique_ptr<grpc::ClientContext> AsStaff(const std::string& staff_id, const std::string& unit_id);
  // The fixture's people, each acting for the unit of their grant.
  std::unique_ptr<grpc::ClientContext> As(const std::string& staff_id);
  std::unique_ptr<grpc::ClientContext> Admin() { return callers_.As("admin", {"admin"}); }
  std::unique_ptr<grpc::ClientContext> Auditor() { return callers_.As("auditor1", {"auditor"}); }
  std::string NextRequestId() { return "req-" + std::to_string(++next_request_); }
  // The audit events written to the outbox so far, oldest first.
  std::vector<audit::v1::Event> OutboxEvents() const;
  // The one number a query answers (a COUNT(*)), read on its own connection.
  int64_t Count(const std::string& sql);

  std::unique_ptr<db::TestDatabase> db_;
  std::unique_ptr<db::DbPool> pool_;
  server::TestCallers callers_;
  std::shared_ptr<BusinessClock> clock_ = *BusinessClock::System(kDefaultCountyTimeZone);
  std::shared_ptr<TableOrgView> org_ = std::make_shared<TableOrgView>();
  std::shared_ptr<LoansKit> loans_kit_;  // its close-of-business job runs the RPC's runs
  std::vector<server::HostedService> services_;
  metrics::Registry registry_;
  std::unique_ptr<server::ServiceHost> host_;
  std::unique_ptr<v1::BorrowerService::Stub> borrowers_;
  std::unique_ptr<v1::ProductService::Stub> products_;
  std::unique_ptr<v1::ApplicationService::Stub> applications_;
  std::unique_ptr<v1::ServicingService::Stub> servicing_;
  std::unique_ptr<v1::TownshipBreakerService::Stub> breakers_;
  std::unique_ptr<v1::SubsidyService::Stub> subsidies_;
  std::unique_ptr<v1::CloseOfBusinessService::Stub> cob_;
  std::unique_ptr<v1::RiskFundService::Stub> funds_;
  int next_request_ = 0;
};

}  // namespace huinong::loans
