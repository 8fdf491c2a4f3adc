// The demo network's shape: one county centre, at least three townships each
// with two or three villages, valid placements, stable unique request ids.
#include <map>
#include <set>

#include "gtest/gtest.h"
#include "tools/huinongctl/src/demo_data.h"

namespace huinong::ctl {
namespace {

namespace v1 = ::huinong::org::v1;

TEST(DemoNetwork, OneCountyCentreAtTheRoot) {
  const auto& units = DemoNetwork();
  ASSERT_FALSE(units.empty());
  EXPECT_EQ(units.front().index, 1);
  EXPECT_EQ(units.front().parent, 0);
  EXPECT_EQ(units.front().display_name, "固安县金融扶贫服务中心");
  EXPECT_EQ(units.front().kind, v1::UNIT_KIND_CENTRE);
  EXPECT_EQ(units.front().level, type::v1::LEVEL_COUNTY);
  int roots = 0;
  for (const DemoUnit& unit : units) roots += unit.parent == 0 ? 1 : 0;
  EXPECT_EQ(roots, 1);
}

TEST(DemoNetwork, TownshipsAndVillagesFollowTheLevelRules) {
  const auto& units = DemoNetwork();
  std::map<int, int> villages_per_township;
  for (size_t i = 0; i < units.size(); ++i) {
    const DemoUnit& unit = units[i];
    EXPECT_EQ(unit.index, static_cast<int>(i) + 1) << "indexes are 1..N in order";
    if (unit.parent == 0) continue;
    ASSERT_LT(unit.parent, unit.index) << "parents come first (depth-first order)";
    const DemoUnit& parent = units[unit.parent - 1];
    if (unit.level == type::v1::LEVEL_TOWNSHIP) {
      EXPECT_EQ(parent.level, type::v1::LEVEL_COUNTY);
      EXPECT_EQ(unit.kind, v1::UNIT_KIND_DEPARTMENT);
      EXPECT_TRUE(unit.display_name.ends_with("镇金融服务部")) << unit.display_name;
      villages_per_township[unit.index] += 0;
    } else {
      ASSERT_EQ(unit.level, type::v1::LEVEL_VILLAGE);
      EXPECT_EQ(parent.level, type::v1::LEVEL_TOWNSHIP);
      EXPECT_EQ(unit.kind, v1::UNIT_KIND_STATION);
      EXPECT_TRUE(unit.display_name.ends_with("村金融扶贫服务站")) << unit.display_name;
      ++villages_per_township[unit.parent];
    }
  }
  EXPECT_GE(villages_per_township.size(), 3u);
  for (const auto& [township, villages] : villages_per_township) {
    EXPECT_GE(villages, 2) << units[township - 1].display_name;
    EXPECT_LE(villages, 3) << units[township - 1].display_name;
  }
}

TEST(DemoNetwork, NamesUniqueAmongSiblingsAndRequestIdsValid) {
  std::set<std::pair<int, std::string>> siblings;
  std::set<std::string> ids;
  for (const DemoUnit& unit : DemoNetwork()) {
    EXPECT_TRUE(siblings.insert({unit.parent, unit.display_name}).second) << unit.display_name;
    const std::string id = DemoRequestId(unit.index);
    EXPECT_TRUE(ids.insert(id).second);
    EXPECT_LE(id.size(), 64u);
    for (char c : id) {
      EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == ':' ||
                  c == '-')
          << id;
    }
    EXPECT_FALSE(unit.functions.empty());
  }
  EXPECT_EQ(DemoRequestId(7), "demo:unit:7");
}

}  // namespace
}  // namespace huinong::ctl
