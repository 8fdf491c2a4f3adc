#include "svc-org/tests/org_fixture.h"

#include <cppconn/connection.h>
#include <grpcpp/create_channel.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/auth/token.h"
#include "common/server/tests/in_process.h"
#include "svc-org/src/store/migrations.h"

namespace huinong::org {
void OrgFixture::SetUp() {
  ASSERT_NO_FATAL_FAILURE(server::OpenTestDatabase("org", Migrations(), db_, pool_));

  services_ = OrgServices(std::make_shared<OrgKit>(*pool_, *gate_, clock_));
  auto channel = server::HostInProcess(services_, registry_, *gate_, host_);
  ASSERT_NE(channel, nullptr);
  units_ = v1::UnitService::NewStub(channel);
  posts_ = v1::PostService::NewStub(channel);
  staff_ = v1::StaffService::NewStub(channel);
  changes_ = v1::ChangeService::NewStub(channel);
  staffing_ = v1::StaffingService::NewStub(channel);
  queries_ = v1::OrgQueryService::NewStub(channel);
  calendars_ = v1::CalendarService::NewStub(channel);
}

void OrgFixture::TearDown() { server::StopInProcess(host_); }

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
