// Unit labels, details, tables, trees and the roots a scoped caller sees.
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/unit_format.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;
using ::testing::ElementsAre;

v1::Unit MakeUnit(std::string id, std::string display, v1::UnitKind kind, type::v1::Level level,
                  std::string parent, int depth) {
  v1::Unit unit;
  unit.set_name("units/" + id);
  unit.set_display_name(display);
  unit.set_kind(kind);
  unit.set_level(level);
  unit.set_parent(parent.empty() ? "" : "units/" + parent);
  unit.set_status(v1::UNIT_STATUS_ACTIVE);
  unit.set_depth(depth);
  return unit;
}

const v1::Unit kCounty = MakeUnit("C", "固安县金融扶贫服务中心", v1::UNIT_KIND_CENTRE, type::v1::LEVEL_COUNTY, "", 0);
const v1::Unit kTown = MakeUnit("T", "柳泉镇金融服务部", v1::UNIT_KIND_DEPARTMENT, type::v1::LEVEL_TOWNSHIP, "C", 1);
const v1::Unit kVillage = MakeUnit("V", "北常庄村金融扶贫服务站", v1::UNIT_KIND_STATION, type::v1::LEVEL_VILLAGE, "T", 2);

TEST(UnitLabel, NameLevelKindAndId) {
  EXPECT_EQ(UnitLabel(kCounty), "固安县金融扶贫服务中心  [COUNTY centre]  units/C");
  v1::Unit frozen = kVillage;
  frozen.set_status(v1::UNIT_STATUS_FROZEN);
  EXPECT_EQ(UnitLabel(frozen), "北常庄村金融扶贫服务站  [VILLAGE station]  units/V  (frozen)");
}

TEST(UnitTree, RelativeDepthsFromASubtree) {
  v1::Unit second_village = MakeUnit("W", "柳泉村金融扶贫服务站", v1::UNIT_KIND_STATION,
                                     type::v1::LEVEL_VILLAGE, "T", 2);
  EXPECT_EQ(UnitTree({kTown, kVillage, second_village}),
            "柳泉镇金融服务部  [TOWNSHIP department]  units/T\n"
            "├── 北常庄村金融扶贫服务站  [VILLAGE station]  units/V\n"
            "└── 柳泉村金融扶贫服务站  [VILLAGE station]  units/W\n");
  EXPECT_EQ(UnitTree({}), "");
}

TEST(UnitTable, OneRowPerUnit) {
  const std::string text = UnitTable({kCounty, kTown}).Render();
  EXPECT_EQ(text,
            "NAME     DISPLAY NAME            LEVEL     KIND        STATUS  PARENT\n"
            "units/C  固安县金融扶贫服务中心  COUNTY    centre      active  -\n"
            "units/T  柳泉镇金融服务部        TOWNSHIP  department  active  units/C\n");
}

TEST(UnitDetail, ShowsRootAndFunctions) {
  v1::Unit unit = kCounty;
  unit.add_functions("统筹全县金融扶贫工作");
  unit.add_functions("审核扶贫小额信贷申请");
  unit.set_etag("7");
  const std::string text = UnitDetail(unit);
  EXPECT_NE(text.find("parent        (root)\n"), std::string::npos) << text;
  EXPECT_NE(text.find("functions     统筹全县金融扶贫工作\n              审核扶贫小额信贷申请\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("etag          7\n"), std::string::npos) << text;
}

v1::UnitVersion Version(const v1::Unit& unit, type::v1::Date from, type::v1::Date until,
                        std::string change_request, bool scheduled) {
  v1::UnitVersion version;
  *version.mutable_unit() = unit;
  *version.mutable_valid_from() = from;
  *version.mutable_valid_until() = until;
  version.set_change_request(std::move(change_request));
  version.set_scheduled(scheduled);
  return version;
}

type::v1::Date Day(int year, int month, int day) {
  type::v1::Date date;
  date.set_year(year);
  date.set_month(month);
  date.set_day(day);
  return date;
}

TEST(UnitHistoryTable, OneLinePerVersionWithTheScheduledOneMarked) {
  v1::Unit frozen = kTown;
  frozen.set_status(v1::UNIT_STATUS_FROZEN);
  v1::Unit renamed = kTown;
  renamed.set_display_name("柳泉镇金融服务中心");
  renamed.set_parent("units/D");
  EXPECT_EQ(UnitHistoryTable({Version(kTown, Day(2024, 3, 1), Day(2025, 9, 15), "", false),
                              Version(frozen, Day(2025, 9, 15), Day(2026, 7, 1), "", false),
                              Version(renamed, Day(2026, 7, 1), {}, "changeRequests/CR7", true)})
                .Render(),
            "FROM..UNTIL             DISPLAY NAME        PARENT   STATUS  CHANGE REQUEST\n"
            "2024-03-01..2025-09-15  柳泉镇金融服务部    units/C  active  -\n"
            "2025-09-15..2026-07-01  柳泉镇金融服务部    units/C  frozen  -\n"
            "2026-07-01..            柳泉镇金融服务中心  units/D  active  changeRequests/CR7  (scheduled)\n");
  // A root has no parent.
  EXPECT_EQ(UnitHistoryTable({Version(kCounty, Day(2024, 1, 1), {}, "", false)}).Render(),
            "FROM..UNTIL   DISPLAY NAME            PARENT  STATUS  CHANGE REQUEST\n"
            "2024-01-01..  固安县金融扶贫服务中心  -       active  -\n");
}

TEST(VisibleRoots, RootsAndOrphansOfTheVisibleSet) {
  EXPECT_THAT(VisibleRoots({kCounty, kTown, kVillage}), ElementsAre("units/C"));
  // A township staff member sees their township and below: the township is their top.
  EXPECT_THAT(VisibleRoots({kTown, kVillage}), ElementsAre("units/T"));
  v1::Unit other_root = MakeUnit("D", "郏县金融扶贫服务中心", v1::UNIT_KIND_CENTRE, type::v1::LEVEL_COUNTY, "", 0);
  EXPECT_THAT(VisibleRoots({kCounty, other_root, kTown}), ElementsAre("units/C", "units/D"));
}

}  // namespace
}  // namespace huinong::ctl
