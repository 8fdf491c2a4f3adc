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
  EXPECT_FALSE(Verify(*token, now + absl::Hours(2) + absl::Minutes(5)).ok());
}

TEST_F(TokenTest, IssuerFlagOverridesTheDefault) {
  auto inv = Parse({"huinongctl", "token", "--sub=svc-loans", "--roles=service", "--jwt-issuer=other"});
  ASSERT_TRUE(inv.ok());
  const absl::Time now = absl::Now();
  auto token = MintToken(*inv, now);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_FALSE(Verify(*token, now).ok());
  EXPECT_TRUE(Verify(*token, now, "other").ok());
}

TEST_F(TokenTest, MissingSubjectOrRolesIsAUsageError) {
  auto no_sub = Parse({"huinongctl", "token", "--roles", "admin"});
  ASSERT_TRUE(no_sub.ok());
  EXPECT_TRUE(IsUsageError(MintToken(*no_sub, absl::Now()).status()));
  auto no_roles = Parse({"huinongctl", "token", "--sub", "a", "--roles", ","});
  ASSERT_TRUE(no_roles.ok());
  EXPECT_TRUE(IsUsageError(MintToken(*no_roles, absl::Now()).status()));
}

TEST_F(TokenTest, BadUnitIsRefusedByTheMinter) {
  auto inv = Parse({"huinongctl", "token", "--sub", "a", "--roles", "admin", "--unit", "township-7"});
  ASSERT_TRUE(inv.ok());
  auto token = MintToken(*inv, absl::Now());
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(IsUsageError(token.status()));
}

TEST(TokenSecret, MissingSecretFileSettingIsAUsageError) {
  auto inv = ParseInvocation({"huinongctl", "token", "--sub", "a", "--roles", "admin"},
                             [](const std::string&) -> std::optional<std::string> { return std::nullopt; });
  ASSERT_TRUE(inv.ok());
  EXPECT_TRUE(IsUsageError(MintToken(*inv, absl::Now()).status()));
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
