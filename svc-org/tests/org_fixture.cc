#include "svc-org/tests/org_fixture.h"

#include <cppconn/connection.h>
#include <grpcpp/create_channel.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/auth/token.h"
#include "svc-org/src/store/migrations.h"

namespace huinong::org {
void OrgFixture::SetUp() {
  db_ = db::TestDatabase::Create("org");
  ASSERT_NE(db_, nullptr);
  pool_ = db::DbPool::Create(db_->config(), nullptr);
  auto conn = pool_->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  auto applied = db::ApplyMigrations(**conn, {db::RuntimeMigrations(), Migrations()});
  ASSERT_TRUE(applied.ok()) << applied.status();

  services_ = OrgServices(std::make_shared<OrgKit>(*pool_, *gate_, clock_));
  host_ = std::make_unique<server::ServiceHost>(server::HostOptions{}, registry_, *gate_);
  for (auto& s : services_) host_->AddService(s.service.get(), s.health_name);
  ASSERT_TRUE(host_->Start().ok());
  auto channel = grpc::CreateChannel(absl::StrCat("127.0.0.1:", host_->port()), grpc::InsecureChannelCredentials());
  units_ = v1::UnitService::NewStub(channel);
  posts_ = v1::PostService::NewStub(channel);
  staff_ = v1::StaffService::NewStub(channel);
  changes_ = v1::ChangeService::NewStub(channel);
  staffing_ = v1::StaffingService::NewStub(channel);
  queries_ = v1::OrgQueryService::NewStub(channel);
  calendars_ = v1::CalendarService::NewStub(channel);
}

void OrgFixture::TearDown() {
  if (host_) {
    host_->RequestStop();
    host_->WaitForStop();
  }
}

std::unique_ptr<grpc::ClientContext> OrgFixture::As(const std::string& subject,
                                                    const std::vector<std::string>& roles,
                                                    const std::string& unit) {
  return callers_.As(subject, roles, unit);
}

v1::Unit OrgFixture::MustCreate(const std::string& display_name, v1::UnitKind kind,
                                type::v1::Level level, const std::string& parent) {
  v1::CreateUnitRequest req;
  req.set_request_id(absl::StrCat("fixture-", ++next_request_));
  req.mutable_unit()->set_display_name(display_name);
  req.mutable_unit()->set_kind(kind);
  req.mutable_unit()->set_level(level);
  req.mutable_unit()->set_parent(parent);
  v1::Unit unit;
  grpc::Status s = units_->CreateUnit(Admin().get(), req, &unit);
  EXPECT_TRUE(s.ok()) << display_name << ": " << s.error_message();
  return unit;
}

}  // namespace huinong::org
