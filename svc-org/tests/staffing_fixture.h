// An in-process staffing-standards service for integration tests: a fresh
// database on the test MariaDB with the unit registry's and the staffing
// standards' real migrations, StaffingApi (StaffingService) behind the real
// server bootstrap, and a client stub; tokens are real.
#pragma once

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <grpcpp/client_context.h>
#include <gtest/gtest.h>

#include "common/db/tests/test_database.h"
#include "common/server/tests/test_callers.h"
#include "common/metrics/registry.h"
#include "common/rpc/errors.h"
#include "common/server/service_host.h"
#include "huinong/audit/v1/audit.pb.h"
#include "huinong/org/v1/staffing_service.grpc.pb.h"
#include "svc-org/src/api/staffing_api.h"

namespace huinong::org {

class StaffingFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // A context carrying a token for `subject` with `roles`, acting for `unit`.
  std::unique_ptr<grpc::ClientContext> As(const std::string& subject,
                                          const std::vector<std::string>& roles,
                                          const std::string& unit = "");
  std::unique_ptr<grpc::ClientContext> Admin() { return As("admin", {"admin"}); }
  std::unique_ptr<grpc::ClientContext> Hr() { return As("staff/hr-1", {"hr"}); }

  // A unit row written straight into `units` (the registry is not under
  // test here); returns "units/{id}". `parent` is "" or a name it returned.
  std::string AddUnit(const std::string& display_name, const std::string& parent);

  // Creates a standard from its text-format rule as admin; fails the test if it cannot.
  v1::StaffingStandard MustCreate(const std::string& title, const std::string& rule_text,
                                  v1::StaffingStandardStatus status = v1::STAFFING_STANDARD_STATUS_ACTIVE);

  // Every outbox event, in order.
  std::vector<huinong::audit::v1::Event> OutboxEvents() const;

  std::unique_ptr<db::TestDatabase> db_;
  std::unique_ptr<db::DbPool> pool_;
  server::TestCallers callers_;
  server::CallGate* gate_ = &callers_.gate();
  std::shared_ptr<BusinessClock> clock_ = *BusinessClock::System(kDefaultCountyTimeZone);
  std::unique_ptr<StaffingApi> api_;
  metrics::Registry registry_;
  std::unique_ptr<server::ServiceHost> host_;
  std::unique_ptr<v1::StaffingService::Stub> staffing_;
  std::map<std::string, std::string> unit_paths_;  // "units/{id}" -> path
  int next_request_ = 0;
};

absl::Status AsStatus(const grpc::Status& s);
std::set<std::string> FieldsOf(const grpc::Status& s);

}  // namespace huinong::org
