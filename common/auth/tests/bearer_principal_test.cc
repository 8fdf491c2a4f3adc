// BearerToken parsing of the authorization header and Principal role checks.
#include "common/auth/principal.h"
#include "common/auth/token.h"
#include "gtest/gtest.h"

namespace huinong::auth {
namespace {

TEST(BearerToken, ExtractsTokenCaseInsensitively) {
  EXPECT_EQ(*BearerToken("Bearer abc.def.ghi"), "abc.def.ghi");
  EXPECT_EQ(*BearerToken("bearer abc.def.ghi"), "abc.def.ghi");
  EXPECT_EQ(*BearerToken("BEARER   abc.def.ghi  "), "abc.def.ghi");
  EXPECT_EQ(*BearerToken("BeArEr\tx"), "x");
}

TEST(BearerToken, PointsIntoTheHeader) {
  const std::string header = "Bearer tok";
  absl::StatusOr<std::string_view> token = BearerToken(header);
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token->data(), header.data() + 7);
}

TEST(BearerToken, RejectsOtherShapes) {
  for (std::string_view bad : {"", "Bearer", "Bearer ", "Bearer    ", "Basic dXNlcjpwdw==", "Bearerabc",
                               "Token abc", "abc.def.ghi", "Bearer a b", "Bear abc"}) {
    absl::StatusOr<std::string_view> token = BearerToken(bad);
    EXPECT_EQ(token.status().code(), absl::StatusCode::kUnauthenticated) << "'" << bad << "'";
  }
}

TEST(Principal, RoleChecks) {
  Principal teller{"staff-0042", {"teller", "township_head"}, "units/t-1", absl::UnixEpoch()};
  EXPECT_TRUE(teller.HasRole("teller"));
  EXPECT_TRUE(teller.HasRole("township_head"));
  EXPECT_FALSE(teller.HasRole("Teller"));
  EXPECT_FALSE(teller.HasRole("tell"));
  EXPECT_FALSE(teller.HasRole(""));
  EXPECT_FALSE(teller.IsAdmin());
  EXPECT_FALSE(teller.IsService());

  Principal admin{"root", {"admin"}, "", absl::UnixEpoch()};
  EXPECT_TRUE(admin.IsAdmin());
  EXPECT_FALSE(admin.IsService());

  Principal service{"svc-loans", {"service"}, "", absl::UnixEpoch()};
  EXPECT_TRUE(service.IsService());
  EXPECT_FALSE(service.IsAdmin());

  Principal nobody{"x", {}, "", absl::UnixEpoch()};
  EXPECT_FALSE(nobody.HasRole("admin"));
}

}  // namespace
}  // namespace huinong::auth
