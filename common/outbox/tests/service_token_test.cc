// The relay's service token: minted tokens verify as the service account and
// are re-minted only near expiry; a token file wins and is re-read; with
// neither the configuration is refused.
#include "common/outbox/service_token.h"

#include <cstdio>
#include <fstream>
#include <map>
#include <optional>

#include <gtest/gtest.h>

#include "common/core/ids.h"

namespace huinong::outbox {
namespace {

constexpr char kSecret[] = "outbox-test-secret-0123456789-abcdefghijk";

auth::Claims ServiceClaims() {
  auth::Claims c;
  c.subject = "svc-org";
  c.roles = {"service"};
  c.issuer = "huinong-test";
  c.audience = "huinong";
  c.ttl = absl::Hours(1);
  return c;
}

std::unique_ptr<auth::TokenVerifier> Verifier() {
  auth::VerifierConfig vc;
  vc.issuer = "huinong-test";
  vc.audience = "huinong";
  vc.hs256_secret = kSecret;
  auto v = auth::TokenVerifier::Create(vc);
  EXPECT_TRUE(v.ok());
  return std::move(*v);
}

std::string TempFile(const std::string& content) {
  std::string path = ::testing::TempDir() + "outbox-token-" + NewUlid();
  std::ofstream(path) << content;
  return path;
}

Config ConfigWith(std::map<std::string, std::string> env) {
  const char* argv[] = {"svc-org"};
  auto c = Config::Parse(1, argv, [env](const std::string& name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end()) return std::nullopt;
    return it->second;
  });
  EXPECT_TRUE(c.ok());
  return *c;
}

TEST(MintingTokenSource, MintsTheServiceAccountAndReusesItUntilNearExpiry) {
  absl::Time now = absl::FromUnixSeconds(1767225600);
  TokenSource source = MintingTokenSource(ServiceClaims(), kSecret, absl::Minutes(5), [&] { return now; });
  auto first = source();
  ASSERT_TRUE(first.ok()) << first.status();
  auto principal = Verifier()->Verify(*first, now);
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_EQ(principal->subject, "svc-org");
  EXPECT_TRUE(principal->IsService());

  now += absl::Minutes(54);
  EXPECT_EQ(*source(), *first) << "still more than 5 minutes left";
  now += absl::Minutes(2);
  auto second = source();
  ASSERT_TRUE(second.ok());
  EXPECT_NE(*second, *first) << "re-minted 5 minutes before expiry";
  EXPECT_TRUE(Verifier()->Verify(*second, now + absl::Minutes(30)).ok());
}

TEST(ServiceTokenSource, MintsFromTheJwtSecretForTheServiceName) {
  const std::string secret = TempFile(std::string(kSecret) + "\n");
  auto source = ServiceTokenSource(ConfigWith({{"HUINONG_JWT_HS256_SECRET_FILE", secret},
                                               {"HUINONG_JWT_ISSUER", "huinong-test"}}),
                                   "svc-tickets");
  ASSERT_TRUE(source.ok()) << source.status();
  auto token = (*source)();
  ASSERT_TRUE(token.ok());
  auto principal = Verifier()->Verify(*token, absl::Now());
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_EQ(principal->subject, "svc-tickets");
  EXPECT_EQ(principal->roles, std::vector<std::string>{"service"});
  EXPECT_LE(principal->expires, absl::Now() + absl::Hours(1) + absl::Seconds(1));
  std::remove(secret.c_str());
}

TEST(ServiceTokenSource, ATokenFileWinsAndIsReadAgainWhenRotated) {
  const std::string secret = TempFile(kSecret);
  const std::string token_file = TempFile("token-one\n");
  auto source = ServiceTokenSource(
      ConfigWith({{"HUINONG_JWT_HS256_SECRET_FILE", secret}, {"HUINONG_SERVICE_TOKEN_FILE", token_file}}),
      "svc-org");
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(*(*source)(), "token-one");
  std::ofstream(token_file) << "token-two\n";
  EXPECT_EQ(*(*source)(), "token-two");
  std::remove(token_file.c_str());
  EXPECT_FALSE((*source)().ok()) << "a vanished file is an error, not an empty token";
  std::remove(secret.c_str());
}

TEST(ServiceTokenSource, NeitherSourceConfiguredIsRefused) {
  EXPECT_EQ(ServiceTokenSource(ConfigWith({}), "svc-org").status().code(),
            absl::StatusCode::kFailedPrecondition);
  const std::string short_secret = TempFile("too-short");
  EXPECT_FALSE(
      ServiceTokenSource(ConfigWith({{"HUINONG_JWT_HS256_SECRET_FILE", short_secret}}), "svc-org").ok())
      << "a secret that cannot sign fails at start-up";
  std::remove(short_secret.c_str());
}

}  // namespace
}  // namespace huinong::outbox
