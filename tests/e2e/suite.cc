#include "tests/e2e/suite.h"

#include <chrono>
#include <cstdlib>

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <gtest/gtest.h>

#include "absl/time/clock.h"
#include "common/auth/token.h"
#include "common/core/config.h"
#include "common/core/ids.h"

namespace huinong::e2e {
namespace {

std::string Env(const char* name, const std::string& def = "") {
  const char* v = std::getenv(name);
  return v ? v : def;
}

}  // namespace

Suite& Suite::Get() {
  static Suite* suite = new Suite();
  if (!suite->ok()) {
    ADD_FAILURE() << "the suite is not running: HUINONG_GATEWAY, HUINONG_TOKEN and "
                     "HUINONG_JWT_HS256_SECRET_FILE must be set; run scripts/test.sh";
  }
  return *suite;
}

Suite::Suite() {
  const std::string gateway = Env("HUINONG_GATEWAY");
  admin_token_ = Env("HUINONG_TOKEN");
  issuer_ = Env("HUINONG_JWT_ISSUER", "huinong-local");
  audience_ = Env("HUINONG_JWT_AUDIENCE", "huinong");
  bin_dir_ = HUINONG_BIN_DIR;
  auto secret = ReadSecretFile(Env("HUINONG_JWT_HS256_SECRET_FILE"));
  if (gateway.empty() || admin_token_.empty() || !secret.ok()) return;
  secret_ = *secret;
  channel_ = grpc::CreateChannel(gateway, grpc::InsecureChannelCredentials());
  backends_ = {
      {"org", "huinong.org.v1.OrgService", Env("HUINONG_ORG_METRICS")},
      {"tickets", "huinong.tickets.v1.TicketService", Env("HUINONG_TICKETS_METRICS")},
      {"loans", "huinong.loans.v1.LoanService", Env("HUINONG_LOANS_METRICS")},
      {"audit", "huinong.audit.v1.AuditService", Env("HUINONG_AUDIT_METRICS")},
  };
  ok_ = true;
}

std::string Suite::Token(const std::string& subject, const std::vector<std::string>& roles,
                         const std::string& unit) const {
  auth::Claims claims;
  claims.subject = subject;
  claims.roles = roles;
  claims.unit = unit;
  claims.issuer = issuer_;
  claims.audience = audience_;
  auto token = auth::MintHs256(claims, secret_, absl::Now());
  EXPECT_TRUE(token.ok()) << token.status();
  return token.ok() ? *token : "";
}

std::unique_ptr<grpc::ClientContext> Suite::Context(const std::string& token) const {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  if (!token.empty()) ctx->AddMetadata("authorization", "Bearer " + token);
  ctx->AddMetadata("x-request-id", NewUlid());
  return ctx;
}

std::string Unique() { return NewUlid().substr(14); }

}  // namespace huinong::e2e
