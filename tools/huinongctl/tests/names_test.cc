// Kind, level and status names: every short name maps to its enum and back,
// spelling variants are accepted, and a typo lists the valid names.
#include "absl/strings/match.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/names.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;

TEST(ParseKind, EveryShortNameRoundTrips) {
  const std::pair<const char*, v1::UnitKind> cases[] = {
      {"station", v1::UNIT_KIND_STATION},       {"department", v1::UNIT_KIND_DEPARTMENT},
      {"centre", v1::UNIT_KIND_CENTRE},         {"group", v1::UNIT_KIND_GROUP},
      {"company", v1::UNIT_KIND_COMPANY},       {"division", v1::UNIT_KIND_DIVISION},
      {"module", v1::UNIT_KIND_MODULE},         {"leading-group", v1::UNIT_KIND_LEADING_GROUP},
      {"office", v1::UNIT_KIND_OFFICE},
  };
  for (const auto& [name, kind] : cases) {
    auto parsed = ParseKind(name);
    ASSERT_TRUE(parsed.ok()) << name;
    EXPECT_EQ(*parsed, kind) << name;
    EXPECT_EQ(KindName(kind), name);
  }
}

TEST(ParseKind, AcceptsCaseUnderscoresEnumNamesAndCenter) {
  EXPECT_EQ(ParseKind("Leading_Group").value(), v1::UNIT_KIND_LEADING_GROUP);
  EXPECT_EQ(ParseKind("UNIT_KIND_STATION").value(), v1::UNIT_KIND_STATION);
  EXPECT_EQ(ParseKind(" STATION ").value(), v1::UNIT_KIND_STATION);
  EXPECT_EQ(ParseKind("center").value(), v1::UNIT_KIND_CENTRE);
}

TEST(ParseKind, TypoListsTheChoices) {
  auto parsed = ParseKind("staton");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_TRUE(absl::StrContains(parsed.status().message(), "leading-group")) << parsed.status();
  EXPECT_TRUE(absl::StrContains(parsed.status().message(), "\"staton\"")) << parsed.status();
  EXPECT_FALSE(ParseKind("unspecified").ok());
  EXPECT_FALSE(ParseKind("").ok());
}

TEST(ParseLevel, ShortNamesAndNone) {
  EXPECT_EQ(ParseLevel("county").value(), type::v1::LEVEL_COUNTY);
  EXPECT_EQ(ParseLevel("Township").value(), type::v1::LEVEL_TOWNSHIP);
  EXPECT_EQ(ParseLevel("LEVEL_VILLAGE").value(), type::v1::LEVEL_VILLAGE);
  EXPECT_EQ(ParseLevel("none").value(), type::v1::LEVEL_UNSPECIFIED);
  EXPECT_FALSE(ParseLevel("province").ok());
  EXPECT_EQ(LevelName(type::v1::LEVEL_COUNTY), "COUNTY");
  EXPECT_EQ(LevelName(type::v1::LEVEL_UNSPECIFIED), "NONE");
}

TEST(ParseStatus, AllFourAndNames) {
  EXPECT_EQ(ParseStatus("planned").value(), v1::UNIT_STATUS_PLANNED);
  EXPECT_EQ(ParseStatus("ACTIVE").value(), v1::UNIT_STATUS_ACTIVE);
  EXPECT_EQ(ParseStatus("frozen").value(), v1::UNIT_STATUS_FROZEN);
  EXPECT_EQ(ParseStatus("unit_status_abolished").value(), v1::UNIT_STATUS_ABOLISHED);
  EXPECT_FALSE(ParseStatus("closed").ok());
  EXPECT_EQ(StatusName(v1::UNIT_STATUS_FROZEN), "frozen");
  EXPECT_EQ(StatusName(v1::UNIT_STATUS_UNSPECIFIED), "?");
}

}  // namespace
}  // namespace huinong::ctl
