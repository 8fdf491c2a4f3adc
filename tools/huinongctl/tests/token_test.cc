// `huinongctl token` mints what the services accept: minted here, verified
// with common/auth's TokenVerifier under the suite's default issuer/audience.
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "common/auth/token.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/commands.h"

namespace huinong::ctl {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr char kSecret[] = "0123456789abcdef0123456789abcdef-local-dev-secret";

class TokenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char path[] = "/tmp/huinongctl_token_test_XXXXXX";
    const int fd = mkstemp(path);
    ASSERT_GE(fd, 0);
    close(fd);
    secret_path_ = path;
    std::ofstream(secret_path_) << kSecret << "\n";
  }
  void TearDown() override { std::remove(secret_path_.c_str()); }

  absl::StatusOr<Invocation> Parse(std::vector<std::string> argv) {
    const std::string path = secret_path_;
    return ParseInvocation(argv, [path](const std::string& name) -> std::optional<std::string> {
      if (name == "HUINONG_JWT_HS256_SECRET_FILE") return path;
      return std::nullopt;
    });
  }

  absl::StatusOr<auth::Principal> Verify(const std::string& token, absl::Time now,
                                         std::string issuer = "huinong-local") {
    auth::VerifierConfig config;
    config.issuer = issuer;
    config.audience = "huinong";
    config.hs256_secret = kSecret;
    auto verifier = auth::TokenVerifier::Create(std::move(config));
    if (!verifier.ok()) return verifier.status();
    return (*verifier)->Verify(token, now);
  }

  // Refused by the verifier for this reason, not merely refused.
  static void ExpectRefused(const absl::Status& status, std::string_view reason) {
    EXPECT_EQ(status.code(), absl::StatusCode::kUnauthenticated) << status;
    EXPECT_EQ(std::string(status.message()), std::string(reason));
  }

  std::string secret_path_;
};

TEST_F(TokenTest, MintedTokenVerifiesWithTheSuiteDefaults) {
  auto inv = Parse({"huinongctl", "token", "--sub", "staff-0042", "--roles", "org.admin,hr",
                    "--unit", "units/01TOWN", "--ttl", "2h"});
  ASSERT_TRUE(inv.ok()) << inv.status();
  const absl::Time now = absl::FromUnixSeconds(1760000000);
  auto token = MintToken(*inv, now);
  ASSERT_TRUE(token.ok()) << token.status();
  auto principal = Verify(*token, now + absl::Minutes(1));
  ASSERT_TRUE(principal.ok()) << principal.status();
  EXPECT_EQ(principal->subject, "staff-0042");
  EXPECT_THAT(principal->roles, ElementsAre("org.admin", "hr"));
  EXPECT_EQ(principal->unit, "units/01TOWN");
  EXPECT_EQ(principal->expires, now + absl::Hours(2));
  // The ttl is honoured: two hours and a bit later the token is refused.
  ExpectRefused(Verify(*token, now + absl::Hours(2) + absl::Minutes(5)).status(), "token expired");
}

TEST_F(TokenTest, IssuerFlagOverridesTheDefault) {
  auto inv = Parse({"huinongctl", "token", "--sub=svc-loans", "--roles=service", "--jwt-issuer=other"});
  ASSERT_TRUE(inv.ok());
  const absl::Time now = absl::Now();
  auto token = MintToken(*inv, now);
  ASSERT_TRUE(token.ok()) << token.status();
  ExpectRefused(Verify(*token, now).status(), "wrong issuer");
  EXPECT_TRUE(Verify(*token, now, "other").ok());
}

TEST_F(TokenTest, MissingSubjectOrRolesIsAUsageError) {
  auto no_sub = Parse({"huinongctl", "token", "--roles", "admin"});
  ASSERT_TRUE(no_sub.ok());
  const absl::Status sub_missing = MintToken(*no_sub, absl::Now()).status();
  EXPECT_TRUE(IsUsageError(sub_missing)) << sub_missing;
  EXPECT_EQ(sub_missing.message(), "--sub is required");
  auto no_roles = Parse({"huinongctl", "token", "--sub", "a", "--roles", ","});
  ASSERT_TRUE(no_roles.ok());
  const absl::Status roles_missing = MintToken(*no_roles, absl::Now()).status();
  EXPECT_TRUE(IsUsageError(roles_missing)) << roles_missing;
  EXPECT_EQ(roles_missing.message(), "--roles needs at least one role");
}

TEST_F(TokenTest, BadUnitIsRefusedByTheMinter) {
  auto inv = Parse({"huinongctl", "token", "--sub", "a", "--roles", "admin", "--unit", "township-7"});
  ASSERT_TRUE(inv.ok());
  auto token = MintToken(*inv, absl::Now());
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(token.status().message(), "token unit must be empty or 'units/{id}'");
  EXPECT_FALSE(IsUsageError(token.status()));
}

TEST(TokenSecret, MissingSecretFileSettingIsAUsageError) {
  auto inv = ParseInvocation({"huinongctl", "token", "--sub", "a", "--roles", "admin"},
                             [](const std::string&) -> std::optional<std::string> { return std::nullopt; });
  ASSERT_TRUE(inv.ok());
  const absl::Status status = MintToken(*inv, absl::Now()).status();
  EXPECT_TRUE(IsUsageError(status)) << status;
  EXPECT_THAT(std::string(status.message()), HasSubstr("set HUINONG_JWT_HS256_SECRET_FILE"));
}

TEST(TokenSecret, UnreadableSecretFileNamesThePath) {
  auto inv = ParseInvocation({"huinongctl", "token", "--sub", "a", "--roles", "admin",
                              "--jwt-hs256-secret-file=/nonexistent/jwt.key"},
                             [](const std::string&) -> std::optional<std::string> { return std::nullopt; });
  ASSERT_TRUE(inv.ok());
  auto token = MintToken(*inv, absl::Now());
  ASSERT_FALSE(token.ok());
  EXPECT_NE(std::string(token.status().message()).find("/nonexistent/jwt.key"), std::string::npos);
}

}  // namespace
}  // namespace huinong::ctl
