#include "common/rpc/validate.h"

#include <gtest/gtest.h>

#include "common/rpc/proto_time.h"

namespace huinong::rpc {
namespace {

TEST(Validate, RequestId) {
  Violations v;
  CheckRequestId("demo:county-1", v);
  EXPECT_TRUE(v.empty());
  CheckRequestId("", v);
  CheckRequestId("has space", v);
  CheckRequestId(std::string(65, 'a'), v);
  ASSERT_EQ(v.list().size(), 3u);
  EXPECT_EQ(v.list()[0].description, "required");
}

TEST(Validate, ResourceNames) {
  Violations v;
  EXPECT_EQ(ParseName("units/01ABC", "units", "name", v), "01ABC");
  EXPECT_TRUE(v.empty());
  EXPECT_EQ(ParseName("posts/01ABC", "units", "name", v), "");
  EXPECT_EQ(ParseName("units/", "units", "parent", v), "");
  EXPECT_EQ(ParseName("units/a/b", "units", "x", v), "");
  EXPECT_EQ(ParseName("", "units", "y", v), "");
  ASSERT_EQ(v.list().size(), 4u);
  EXPECT_EQ(v.list()[1].field, "parent");
  EXPECT_EQ(v.list()[3].description, "required");
  Violations ok;
  EXPECT_EQ(ParseOptionalName("", "units", "parent", ok), "");
  EXPECT_TRUE(ok.empty());
}

TEST(Validate, PageSize) {
  Violations v;
  EXPECT_EQ(PageSize(0, v), 50);
  EXPECT_EQ(PageSize(7, v), 7);
  EXPECT_EQ(PageSize(501, v), 500);
  EXPECT_TRUE(v.empty());
  PageSize(-1, v);
  EXPECT_EQ(v.list().size(), 1u);
}

TEST(Validate, TextCountsCharactersNotBytes) {
  Violations v;
  CheckText("固安县金融扶贫服务中心", "display_name", 1, 11, v);  // 11 characters, 33 bytes
  EXPECT_TRUE(v.empty());
  CheckText("", "display_name", 1, 100, v);
  CheckText("固安县金融扶贫服务中心", "display_name", 1, 10, v);
  EXPECT_EQ(v.list().size(), 2u);
}

TEST(ProtoTime, DatesAreValidated) {
  Violations v;
  type::v1::Date d;
  EXPECT_FALSE(FromDate(d, "effective_from", v).has_value());  // unset
  EXPECT_TRUE(v.empty());
  d.set_year(2026); d.set_month(2); d.set_day(30);
  EXPECT_FALSE(FromDate(d, "effective_from", v).has_value());
  ASSERT_EQ(v.list().size(), 1u);
  EXPECT_EQ(v.list()[0].field, "effective_from");
  d.set_day(28);
  auto day = FromDate(d, "effective_from", v);
  ASSERT_TRUE(day.has_value());
  EXPECT_EQ(*day, absl::CivilDay(2026, 2, 28));
  EXPECT_EQ(ToDate(*day).day(), 28);
}

TEST(ProtoTime, TimestampRoundTripKeepsMicroseconds) {
  absl::Time t = absl::FromUnixMicros(1795000000123456);
  EXPECT_EQ(FromTimestamp(ToTimestamp(t)), t);
  absl::Time before_epoch = absl::FromUnixMicros(-1500000);
  EXPECT_EQ(ToTimestamp(before_epoch).nanos(), 500000000);
  EXPECT_EQ(FromTimestamp(ToTimestamp(before_epoch)), before_epoch);
}

}  // namespace
}  // namespace huinong::rpc
