#include "common/server/tests/test_callers.h"

#include <gtest/gtest.h>

#include "absl/time/clock.h"
#include "common/auth/token.h"

namespace huinong::server {
namespace {
constexpr char kSecret[] = "in-process-test-secret-0123456789-abcdefghij";
constexpr char kIssuer[] = "huinong-test";
constexpr char kAudience[] = "huinong";
}  // namespace

TestCallers::TestCallers() {
  auth::VerifierConfig vc;
  vc.issuer = kIssuer;
  vc.audience = kAudience;
  vc.hs256_secret = kSecret;
  auto verifier = auth::TokenVerifier::Create(vc);
  EXPECT_TRUE(verifier.ok()) << verifier.status();
  gate_ = std::make_unique<CallGate>(std::shared_ptr<const auth::TokenVerifier>(std::move(*verifier)));
}

std::string TestCallers::Token(const std::string& subject, const std::vector<std::string>& roles,
                               const std::string& unit) const {
  auth::Claims claims;
  claims.subject = subject;
  claims.roles = roles;
  claims.unit = unit;
  claims.issuer = kIssuer;
  claims.audience = kAudience;
  auto token = auth::MintHs256(claims, kSecret, absl::Now());
  EXPECT_TRUE(token.ok()) << token.status();
  return token.ok() ? *token : "";
}

std::unique_ptr<grpc::ClientContext> TestCallers::As(const std::string& subject,
                                                     const std::vector<std::string>& roles,
                                                     const std::string& unit) const {
  auto ctx = std::make_unique<grpc::ClientContext>();
  ctx->AddMetadata("authorization", "Bearer " + Token(subject, roles, unit));
  return ctx;
}

}  // namespace huinong::server
