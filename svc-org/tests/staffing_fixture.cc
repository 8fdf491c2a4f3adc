// See staffing_fixture.h.
#include "svc-org/tests/staffing_fixture.h"

#include <algorithm>

#include <cppconn/connection.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <google/protobuf/text_format.h>
#include <grpcpp/create_channel.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/auth/token.h"
#include "common/core/ids.h"
#include "common/db/migrations.h"
#include "common/rpc/errors.h"
#include "svc-org/src/app/org_identity.h"

namespace huinong::org {
namespace staffing_test {
const db::MigrationSet& OrgMigrationFiles();  // embedded by staffing.cmake
}

namespace {


// svc-org's migrations as component "org", only the unit registry (1) and
// the staffing standards (10, 13): the tables this code reads and writes.
db::MigrationSet StaffingMigrations() {
  db::MigrationSet set = staffing_test::OrgMigrationFiles();
  set.component = "org";
  std::vector<db::Migration> kept;
  for (const auto& m : set.migrations) {
    if (m.version == 1 || m.version == 10 || m.version == 13) kept.push_back(m);
  }
  set.migrations = kept;
  return set;
}

}  // namespace

absl::Status AsStatus(const grpc::Status& s) { return rpc::FromGrpcStatus(s); }

std::set<std::string> FieldsOf(const grpc::Status& s) {
  std::set<std::string> out;
  for (const auto& fv : rpc::FieldViolationsOf(AsStatus(s))) out.insert(fv.field);
  return out;
}

void StaffingFixture::SetUp() {
  db_ = db::TestDatabase::Create("orgstaff");
  ASSERT_NE(db_, nullptr);
  pool_ = db::DbPool::Create(db_->config(), nullptr);
  auto conn = pool_->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  auto applied = db::ApplyMigrations(**conn, {db::RuntimeMigrations(), StaffingMigrations()});
  ASSERT_TRUE(applied.ok()) << applied.status();

  api_ = std::make_unique<StaffingApi>(std::make_shared<OrgKit>(*pool_, *gate_, clock_));
  host_ = std::make_unique<server::ServiceHost>(server::HostOptions{}, registry_, *gate_);
  host_->AddService(api_.get(), v1::StaffingService::service_full_name());
  ASSERT_TRUE(host_->Start().ok());
  staffing_ = v1::StaffingService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", host_->port()), grpc::InsecureChannelCredentials()));
}

void StaffingFixture::TearDown() {
  if (host_) {
    host_->RequestStop();
    host_->WaitForStop();
  }
}

std::unique_ptr<grpc::ClientContext> StaffingFixture::As(const std::string& subject,
                                                         const std::vector<std::string>& roles,
                                                         const std::string& unit) {
  return callers_.As(subject, roles, unit);
}

std::string StaffingFixture::AddUnit(const std::string& display_name, const std::string& parent) {
  const std::string id = NewUlid();
  const std::string parent_path = parent.empty() ? "/" : unit_paths_.at(parent);
  const std::string path = absl::StrCat(parent_path, id, "/");
  const int depth = parent.empty() ? 0 : static_cast<int>(std::count(parent_path.begin(), parent_path.end(), '/')) - 1;
  db_->Exec(absl::StrCat(
      "INSERT INTO units (id, display_name, kind, level, parent_id, path, depth, status, functions_json,"
      " version, create_time, update_time) VALUES ('", id, "', '", display_name, "', 4, 0, '",
      parent.empty() ? "" : parent.substr(6), "', '", path, "', ", depth,
      ", 2, '[]', 1, NOW(6), NOW(6))"));
  const std::string name = absl::StrCat("units/", id);
  unit_paths_[name] = path;
  return name;
}

v1::StaffingStandard StaffingFixture::MustCreate(const std::string& title, const std::string& rule_text,
                                                 v1::StaffingStandardStatus status) {
  v1::CreateStaffingStandardRequest req;
  req.set_request_id(absl::StrCat("fixture-", ++next_request_));
  EXPECT_TRUE(google::protobuf::TextFormat::ParseFromString(rule_text, req.mutable_standard())) << rule_text;
  req.mutable_standard()->set_title(title);
  req.mutable_standard()->set_status(status);
  v1::StaffingStandard out;
  grpc::Status s = staffing_->CreateStaffingStandard(Admin().get(), req, &out);
  EXPECT_TRUE(s.ok()) << title << ": " << s.error_message();
  return out;
}

std::vector<huinong::audit::v1::Event> StaffingFixture::OutboxEvents() const {
  std::vector<huinong::audit::v1::Event> out;
  auto conn = db_->Admin();
  std::unique_ptr<sql::Statement> st(conn->createStatement());
  std::unique_ptr<sql::ResultSet> rs(st->executeQuery("SELECT payload FROM outbox ORDER BY seq"));
  while (rs->next()) {
    huinong::audit::v1::Event e;
    EXPECT_TRUE(e.ParseFromString(rs->getString(1)));
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace huinong::org
