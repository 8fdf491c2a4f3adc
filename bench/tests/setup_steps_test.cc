// How a scenario that cannot run says why.
#include "bench/setup_steps.h"

#include <gtest/gtest.h>

namespace huinong::bench {
namespace {

TEST(ShortMethodTest, DropsThePackage) {
  EXPECT_EQ(ShortMethod("huinong.org.v1.PostService/CreatePost"), "PostService/CreatePost");
  EXPECT_EQ(ShortMethod("/huinong.org.v1.PostService/CreatePost"), "PostService/CreatePost");
  EXPECT_EQ(ShortMethod("huinong.org.v1.PostService.CreatePost"), "PostService/CreatePost");
  EXPECT_EQ(ShortMethod("Empty/Ping"), "Empty/Ping");
}

TEST(WhyNotTest, UnimplementedIsNotImplementedYet) {
  EXPECT_EQ(WhyNot(absl::UnimplementedError("OrgQueryService/CheckCapability")),
            "not implemented yet: OrgQueryService/CheckCapability");
  EXPECT_EQ(WhyNot(absl::NotFoundError("units/X")), "NOT_FOUND: units/X");
}

TEST(ChannelsTest, AServiceWithoutAnAddressIsNamed) {
  Channels channels(std::map<std::string, std::string>{{"org", ""}});
  absl::StatusOr<std::string> a = channels.Address("org");
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("HUINONG_ORG_ADDR"), std::string::npos);
  EXPECT_FALSE(channels.Address("loans").ok());
}

}  // namespace
}  // namespace huinong::bench
