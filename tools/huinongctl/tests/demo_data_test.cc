// The demo network's shape: one county centre, at least three townships each
// with two or three villages, valid placements, stable unique request ids.
// The demo plan's approval chain: every step decidable by someone (a post
// with its capability on the step's unit or above it, held by a person), by a
// different person each, never by the drafter; and the concurrency whitelists
// still allow every pair of posts one person holds.
#include <algorithm>
#include <map>
#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tools/huinongctl/src/demo_data.h"
#include "tools/huinongctl/src/demo_plan.h"

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

const DemoUnit* UnitOf(const DemoPlan& plan, int index) {
  for (const DemoUnit& unit : plan.units) {
    if (unit.index == index) return &unit;
  }
  return nullptr;
}

// Whether `ancestor` is `unit` or above it.
bool AtOrAbove(const DemoPlan& plan, int ancestor, int unit) {
  for (const DemoUnit* u = UnitOf(plan, unit); u != nullptr; u = UnitOf(plan, u->parent)) {
    if (u->index == ancestor) return true;
  }
  return false;
}

const DemoPost& PostOf(const DemoPlan& plan, const std::string& key) {
  const auto it = std::find_if(plan.posts.begin(), plan.posts.end(), [&](const DemoPost& p) { return p.key == key; });
  EXPECT_NE(it, plan.posts.end()) << key;
  return *it;
}

const DemoStaff& StaffOf(const DemoPlan& plan, const std::string& key) {
  const auto it = std::find_if(plan.staff.begin(), plan.staff.end(), [&](const DemoStaff& s) { return s.key == key; });
  EXPECT_NE(it, plan.staff.end()) << key;
  return *it;
}

// Staff keys holding `capability` for unit `at` (non-acting assignments).
std::set<std::string> Holders(const DemoPlan& plan, const std::string& capability, int at) {
  std::set<std::string> holders;
  for (const DemoAssignment& a : plan.assignments) {
    if (a.kind == v1::ASSIGNMENT_KIND_ACTING) continue;
    const DemoPost& post = PostOf(plan, a.post);
    const bool grants = std::find(post.capabilities.begin(), post.capabilities.end(), capability) !=
                        post.capabilities.end();
    if (grants && AtOrAbove(plan, post.unit, at)) holders.insert(a.staff);
  }
  return holders;
}

TEST(DemoPlan, EveryChainStepHasItsOwnDecider) {
  const DemoPlan& plan = DemoStructure();
  ASSERT_FALSE(plan.chains.empty());
  std::set<int> chain_units;
  std::set<std::string> keys;
  for (const DemoChain& chain : plan.chains) {
    EXPECT_TRUE(keys.insert(chain.key).second) << chain.key;
    EXPECT_TRUE(chain_units.insert(chain.unit).second) << "one chain per unit: " << chain.key;
    ASSERT_NE(UnitOf(plan, chain.unit), nullptr) << chain.key;
    EXPECT_FALSE(chain.title.empty());
    ASSERT_FALSE(chain.steps.empty()) << chain.key;
    std::set<std::string> deciders;
    for (const DemoChainStep& step : chain.steps) {
      EXPECT_TRUE(AtOrAbove(plan, chain.unit, step.at_unit)) << step.title << ": at_unit outside the chain's subtree";
      const std::set<std::string> holders = Holders(plan, step.capability, step.at_unit);
      ASSERT_EQ(holders.size(), 1u) << step.title << " (" << step.capability << ")";
      EXPECT_TRUE(deciders.insert(*holders.begin()).second)
          << step.title << ": the same person may not decide two steps";
    }
  }
}

TEST(DemoPlan, LoanCompanyChangesAreDraftedByHrDecidedByTheGmAndApprovedByTheBoard) {
  const DemoPlan& plan = DemoStructure();
  const auto chain = std::find_if(plan.chains.begin(), plan.chains.end(), [](const DemoChain& c) { return c.key == "lc"; });
  ASSERT_NE(chain, plan.chains.end());
  const DemoUnit* company = UnitOf(plan, chain->unit);
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(company->display_name, "天佑投资借款有限公司");
  EXPECT_EQ(company->parent, 0);
  EXPECT_TRUE(chain->require_change_requests);
  ASSERT_EQ(chain->steps.size(), 2u);
  const DemoChainStep& meeting = chain->steps[0];
  EXPECT_EQ(meeting.title, "总经理办公会");
  EXPECT_EQ(meeting.capability, "org.change.decide");
  EXPECT_EQ(meeting.at_unit, company->index);
  EXPECT_TRUE(meeting.applies_to.empty()) << "the office meeting decides every request";
  const DemoChainStep& board = chain->steps[1];
  EXPECT_EQ(board.title, "董事会");
  EXPECT_EQ(board.capability, "org.change.approve");
  EXPECT_EQ(board.at_unit, company->index);
  EXPECT_THAT(board.applies_to,
              ::testing::ElementsAre(v1::CHANGE_KIND_CREATE_UNIT, v1::CHANGE_KIND_UPDATE_UNIT,
                                     v1::CHANGE_KIND_MERGE_UNITS, v1::CHANGE_KIND_SPLIT_UNIT,
                                     v1::CHANGE_KIND_ABOLISH_UNIT, v1::CHANGE_KIND_MOVE_UNIT));

  const std::set<std::string> gm = Holders(plan, "org.change.decide", company->index);
  ASSERT_EQ(gm.size(), 1u);
  EXPECT_EQ(StaffOf(plan, *gm.begin()).display_name, "严志华");
  EXPECT_EQ(PostOf(plan, "lc.gm").unit, company->index);
  const std::set<std::string> director = Holders(plan, "org.change.approve", company->index);
  ASSERT_EQ(director.size(), 1u);
  EXPECT_EQ(StaffOf(plan, *director.begin()).display_name, "钟国栋");

  // The HR specialist: one post in the general manager's office, no deciding capability.
  std::vector<std::string> hr_posts;
  for (const DemoAssignment& a : plan.assignments) {
    if (StaffOf(plan, a.staff).display_name == "蒋雅婷") hr_posts.push_back(a.post);
  }
  ASSERT_EQ(hr_posts, std::vector<std::string>{"lc.hr"});
  const DemoPost& hr = PostOf(plan, "lc.hr");
  EXPECT_EQ(hr.title, "人事专员");
  EXPECT_EQ(UnitOf(plan, hr.unit)->display_name, "总经理办公室");
  EXPECT_EQ(UnitOf(plan, hr.unit)->parent, company->index);
  EXPECT_TRUE(hr.capabilities.empty());
}

// What the server would refuse at CreateAssignment: two posts of one person in
// a policy's organisation that no whitelist entry selects together.
TEST(DemoPlan, EveryoneHoldingTwoPostsIsWhitelisted) {
  const DemoPlan& plan = DemoStructure();
  for (const DemoPolicy& policy : plan.policies) {
    std::map<std::string, std::vector<std::string>> codes;  // staff -> post codes in the organisation
    for (const DemoAssignment& a : plan.assignments) {
      if (a.kind == v1::ASSIGNMENT_KIND_ACTING) continue;
      const DemoPost& post = PostOf(plan, a.post);
      if (AtOrAbove(plan, policy.unit, post.unit)) codes[a.staff].push_back(post.code);
    }
    for (const auto& [staff, held] : codes) {
      for (size_t i = 0; i < held.size(); ++i) {
        for (size_t j = i + 1; j < held.size(); ++j) {
          const bool allowed = std::any_of(policy.whitelist.begin(), policy.whitelist.end(), [&](const auto& entry) {
            return std::find(entry.begin(), entry.end(), held[i]) != entry.end() &&
                   std::find(entry.begin(), entry.end(), held[j]) != entry.end();
          });
          EXPECT_TRUE(allowed) << policy.key << ": " << staff << " holds " << held[i] << " and " << held[j];
        }
      }
    }
  }
}

TEST(DemoPlan, PostCodesUniqueInTheirUnitAndKeysUnique) {
  const DemoPlan& plan = DemoStructure();
  std::set<std::pair<int, std::string>> codes;
  std::set<std::string> post_keys, staff_keys, numbers, assignment_keys;
  for (const DemoPost& p : plan.posts) {
    EXPECT_TRUE(codes.insert({p.unit, p.code}).second) << p.key;
    EXPECT_TRUE(post_keys.insert(p.key).second) << p.key;
    if (!p.superior.empty()) {
      EXPECT_TRUE(post_keys.contains(p.superior)) << p.key << ": superiors first";
    }
  }
  for (const DemoStaff& s : plan.staff) {
    EXPECT_TRUE(staff_keys.insert(s.key).second) << s.key;
    EXPECT_TRUE(numbers.insert(s.employee_number).second) << s.employee_number;
  }
  for (const DemoAssignment& a : plan.assignments) {
    EXPECT_TRUE(assignment_keys.insert(a.key).second) << a.key;
  }
}

}  // namespace
}  // namespace huinong::ctl
