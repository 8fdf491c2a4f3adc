#include "svc-org/tests/org_fixture.h"

#include <cppconn/connection.h>
#include <grpcpp/create_channel.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/auth/token.h"
#include "svc-org/src/store/migrations.h"

namespace huinong::org {
namespace {
constexpr char kSecret[] = "org-integration-secret-0123456789-abcdefghij";
}

void OrgFixture::SetUp() {
  db_ = db::TestDatabase::Create("org");
  ASSERT_NE(db_, nullptr);
  pool_ = db::DbPool::Create(db_->config(), nullptr);
  auto conn = pool_->Connect();
  ASSERT_TRUE(conn.ok()) << conn.status();
  auto applied = db::ApplyMigrations(**conn, {db::RuntimeMigrations(), Migrations()});
  ASSERT_TRUE(applied.ok()) << applied.status();

  auth::VerifierConfig vc;
  vc.issuer = "huinong-test";
  vc.audience = "huinong";
  vc.hs256_secret = kSecret;
  auto verifier = auth::TokenVerifier::Create(vc);
  ASSERT_TRUE(verifier.ok());
  gate_ = std::make_unique<server::CallGate>(
      std::shared_ptr<const auth::TokenVerifier>(std::move(*verifier)));
  api_ = std::make_unique<OrgApi>(*pool_, *gate_);
  host_ = std::make_unique<server::ServiceHost>(server::HostOptions{}, registry_, *gate_);
  host_->AddService(api_.get(), v1::OrgService::service_full_name());
  ASSERT_TRUE(host_->Start().ok());
  stub_ = v1::OrgService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", host_->port()), grpc::InsecureChannelCredentials()));
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
  auth::Claims claims;
  claims.subject = subject;
  claims.roles = roles;
  claims.unit = unit;
  claims.issuer = "huinong-test";
  claims.audience = "huinong";
  auto token = auth::MintHs256(claims, kSecret, absl::Now());
  EXPECT_TRUE(token.ok());
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->AddMetadata("authorization", "Bearer " + *token);
  return ctx;
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
  grpc::Status s = stub_->CreateUnit(Admin().get(), req, &unit);
  EXPECT_TRUE(s.ok()) << display_name << ": " << s.error_message();
  return unit;
}

}  // namespace huinong::org
