#include "common/rpc/page_token.h"

#include <gtest/gtest.h>

#include "common/rpc/errors.h"

namespace huinong::rpc {
namespace {

TEST(PageToken, RoundTrip) {
  std::string t = EncodePageToken("parent=a|level=2", "01JABC");
  auto key = DecodePageToken(t, "parent=a|level=2");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(*key, "01JABC");
  EXPECT_EQ(*DecodePageToken("", "x"), "");
}

TEST(PageToken, RefusedWithOtherFiltersOrGarbage) {
  std::string t = EncodePageToken("level=2", "01JABC");
  auto other = DecodePageToken(t, "level=3");
  EXPECT_EQ(other.status().code(), absl::StatusCode::kInvalidArgument);
  ASSERT_EQ(FieldViolationsOf(other.status()).size(), 1u);
  EXPECT_EQ(FieldViolationsOf(other.status())[0].field, "page_token");
  EXPECT_FALSE(DecodePageToken("!!!", "level=2").ok());
  EXPECT_FALSE(DecodePageToken("djF8eA", "level=2").ok());  // "v1|x"
}

}  // namespace
}  // namespace huinong::rpc
