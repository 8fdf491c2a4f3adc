// An in-process svc-org for integration tests: a fresh database on the test
// MariaDB with the real migrations, the real handlers behind the real server
// bootstrap on a free port (the seven services hosted as the binary hosts
// them, api/org_services.h), and a client stub per service; tokens are real.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "common/core/business_clock.h"
#include "common/db/tests/test_database.h"
#include "common/server/tests/test_callers.h"
#include "common/server/service_host.h"
#include "huinong/org/v1/calendar_service.grpc.pb.h"
#include "huinong/org/v1/change_service.grpc.pb.h"
#include "huinong/org/v1/org_query_service.grpc.pb.h"
#include "huinong/org/v1/post_service.grpc.pb.h"
#include "huinong/org/v1/staff_service.grpc.pb.h"
#include "huinong/org/v1/staffing_service.grpc.pb.h"
#include "huinong/org/v1/unit_service.grpc.pb.h"
#include "svc-org/src/api/org_services.h"

namespace huinong::org {

class OrgFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A context carrying a token for `subject` with `roles`, acting for `unit`.
  std::unique_ptr<grpc::ClientContext> As(const std::string& subject,
                                          const std::vector<std::string>& roles,
                                          const std::string& unit = "");
  std::unique_ptr<grpc::ClientContext> Admin() { return As("admin", {"admin"}); }

  // Creates a unit as admin and fails the test if it cannot.
  v1::Unit MustCreate(const std::string& display_name, v1::UnitKind kind, type::v1::Level level,
                      const std::string& parent);

  std::unique_ptr<db::TestDatabase> db_;
  std::unique_ptr<db::DbPool> pool_;
  server::TestCallers callers_;
  server::CallGate* gate_ = &callers_.gate();
  // The real clock in the county's time zone, as the service runs it.
  std::shared_ptr<BusinessClock> clock_ = *BusinessClock::System(kDefaultCountyTimeZone);
  std::vector<server::HostedService> services_;
  metrics::Registry registry_;
  std::unique_ptr<server::ServiceHost> host_;
  std::unique_ptr<v1::UnitService::Stub> units_;
  std::unique_ptr<v1::PostService::Stub> posts_;
  std::unique_ptr<v1::StaffService::Stub> staff_;
  std::unique_ptr<v1::ChangeService::Stub> changes_;
  std::unique_ptr<v1::StaffingService::Stub> staffing_;
  std::unique_ptr<v1::OrgQueryService::Stub> queries_;
  std::unique_ptr<v1::CalendarService::Stub> calendars_;
  int next_request_ = 0;
};

}  // namespace huinong::org
