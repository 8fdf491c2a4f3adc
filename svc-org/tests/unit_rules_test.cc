// The unit tree's rules: the level placement of the county network, moves,
// and the status transition table checked exhaustively.
#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

#include "common/rpc/errors.h"
#include "svc-org/src/domain/unit.h"

namespace huinong::org {
namespace {

using L = Level;
using S = UnitStatus;

std::string Reason(const absl::Status& s) { return rpc::ReasonOf(s); }

TEST(Placement, CountyTownshipVillageChain) {
  EXPECT_TRUE(CheckPlacement(L::kCounty, {}).ok());
  EXPECT_TRUE(CheckPlacement(L::kTownship, {L::kCounty}).ok());
  EXPECT_TRUE(CheckPlacement(L::kVillage, {L::kCounty, L::kTownship}).ok());
  // A county may sit under ordinary units (e.g. a province-level company).
  EXPECT_TRUE(CheckPlacement(L::kCounty, {L::kNone, L::kNone}).ok());
}

TEST(Placement, WrongParentsAreRefused) {
  EXPECT_EQ(Reason(CheckPlacement(L::kVillage, {L::kCounty})), "LEVEL_MISMATCH");
  EXPECT_EQ(Reason(CheckPlacement(L::kVillage, {})), "LEVEL_MISMATCH");
  EXPECT_EQ(Reason(CheckPlacement(L::kVillage, {L::kCounty, L::kTownship, L::kNone})),
            "LEVEL_MISMATCH");  // a village under a department of a township
  EXPECT_EQ(Reason(CheckPlacement(L::kTownship, {})), "LEVEL_MISMATCH");
  EXPECT_EQ(Reason(CheckPlacement(L::kTownship, {L::kCounty, L::kTownship})), "LEVEL_MISMATCH");
  EXPECT_EQ(Reason(CheckPlacement(L::kCounty, {L::kCounty})), "LEVEL_MISMATCH");
  EXPECT_EQ(Reason(CheckPlacement(L::kCounty, {L::kCounty, L::kNone})), "LEVEL_MISMATCH");
  EXPECT_EQ(CheckPlacement(L::kTownship, {}).code(), absl::StatusCode::kFailedPrecondition);
}

TEST(Placement, UnitsWithoutLevelGoAnywhere) {
  EXPECT_TRUE(CheckPlacement(L::kNone, {}).ok());
  EXPECT_TRUE(CheckPlacement(L::kNone, {L::kCounty, L::kTownship, L::kVillage}).ok());
}

// Every chain of up to three ancestors, for every level: where the rule says
// only the parent matters, judging by the parent's level alone gives the same
// verdict as judging by the whole chain (CreateUnit reads only the parent).
TEST(Placement, OnlyACountyLooksAboveItsParent) {
  const std::vector<L> levels = {L::kNone, L::kCounty, L::kTownship, L::kVillage};
  std::vector<std::vector<L>> chains = {{}};
  for (int depth = 0; depth < 3; ++depth) {
    const size_t n = chains.size();
    for (size_t i = 0; i < n; ++i) {
      for (L a : levels) {
        std::vector<L> longer = chains[i];
        longer.push_back(a);
        if (std::find(chains.begin(), chains.end(), longer) == chains.end()) chains.push_back(longer);
      }
    }
  }
  ASSERT_EQ(chains.size(), 1u + 4 + 16 + 64);
  int differ = 0;
  for (L level : levels) {
    EXPECT_EQ(PlacementLooksAboveParent(level), level == L::kCounty);
    for (const auto& chain : chains) {
      const std::vector<L> parent_only =
          chain.empty() ? std::vector<L>{} : std::vector<L>{chain.back()};
      const bool whole = CheckPlacement(level, chain).ok();
      const bool by_parent = CheckPlacement(level, parent_only).ok();
      if (!PlacementLooksAboveParent(level)) {
        EXPECT_EQ(whole, by_parent) << static_cast<int>(level) << " under " << chain.size();
      } else if (whole != by_parent) {
        ++differ;
      }
    }
  }
  EXPECT_GT(differ, 0);  // for a county the chain above the parent does matter
}

Unit Make(const std::string& id, const std::string& path, L level) {
  Unit u;
  u.id = id;
  u.path = path;
  u.level = level;
  return u;
}

TEST(Move, IntoOwnSubtreeIsACycle) {
  Unit township = Make("T", "/C/T/", L::kTownship);
  Unit village = Make("V", "/C/T/V/", L::kVillage);
  EXPECT_EQ(Reason(CheckMove(township, village, {L::kCounty, L::kTownship, L::kVillage}, false)),
            "CYCLE");
  EXPECT_EQ(Reason(CheckMove(township, township, {L::kCounty, L::kTownship}, false)), "CYCLE");
}

TEST(Move, VillageToAnotherTownship) {
  Unit village = Make("V", "/C/T1/V/", L::kVillage);
  Unit other = Make("T2", "/C/T2/", L::kTownship);
  EXPECT_TRUE(CheckMove(village, other, {L::kCounty, L::kTownship}, false).ok());
  Unit county = Make("C", "/C/", L::kCounty);
  EXPECT_EQ(Reason(CheckMove(village, county, {L::kCounty}, false)), "LEVEL_MISMATCH");
}

TEST(Move, SubtreeHoldingACountyStaysOutsideThePlaceNetwork) {
  Unit branch = Make("B", "/G/B/", L::kNone);
  Unit township = Make("T", "/C/T/", L::kTownship);
  Unit office = Make("O", "/G/O/", L::kNone);
  EXPECT_EQ(Reason(CheckMove(branch, township, {L::kCounty, L::kTownship}, true)), "LEVEL_MISMATCH");
  EXPECT_TRUE(CheckMove(branch, office, {L::kNone, L::kNone}, true).ok());
  EXPECT_TRUE(CheckMove(branch, township, {L::kCounty, L::kTownship}, false).ok());
}

TEST(Depth, AtMostThirtyLevelsBelowARoot) {
  EXPECT_TRUE(CheckDepth(0).ok());
  EXPECT_TRUE(CheckDepth(kMaxDepth).ok());
  EXPECT_EQ(Reason(CheckDepth(kMaxDepth + 1)), "TOO_DEEP");
}

TEST(ParentOpen, AbolishedParentRefusesChildren) {
  Unit parent = Make("P", "/P/", L::kCounty);
  parent.status = S::kAbolished;
  EXPECT_EQ(Reason(CheckParentOpen(parent)), "PARENT_ABOLISHED");
  parent.status = S::kFrozen;
  EXPECT_TRUE(CheckParentOpen(parent).ok());
}

TEST(Transitions, TableIsExactlyAsDocumented) {
  const S all[] = {S::kPlanned, S::kActive, S::kFrozen, S::kAbolished};
  // The documented edges plus staying put; every other pair is refused.
  auto expected = [](S from, S to) {
    if (from == to) return true;
    switch (from) {
      case S::kPlanned: return to == S::kActive || to == S::kAbolished;
      case S::kActive: return to == S::kFrozen || to == S::kAbolished;
      case S::kFrozen: return to == S::kActive || to == S::kAbolished;
      case S::kAbolished: return false;
    }
    return false;
  };
  int allowed = 0;
  for (S from : all) {
    for (S to : all) {
      EXPECT_EQ(TransitionAllowed(from, to), expected(from, to))
          << StatusName(from) << " -> " << StatusName(to);
      EXPECT_EQ(CheckTransition(from, to, 0).ok(), expected(from, to));
      if (!expected(from, to)) {
        EXPECT_EQ(Reason(CheckTransition(from, to, 0)), "INVALID_TRANSITION");
      }
      allowed += TransitionAllowed(from, to);
    }
  }
  EXPECT_EQ(allowed, 10);  // 6 edges + 4 self-loops
}

TEST(Transitions, AUnitStartsPlannedOrActive) {
  EXPECT_TRUE(ValidInitialStatus(S::kPlanned));
  EXPECT_TRUE(ValidInitialStatus(S::kActive));
  EXPECT_FALSE(ValidInitialStatus(S::kFrozen));
  EXPECT_FALSE(ValidInitialStatus(S::kAbolished));
}

TEST(Transitions, AbolishingNeedsEveryChildAbolished) {
  EXPECT_EQ(Reason(CheckTransition(S::kActive, S::kAbolished, 2)), "HAS_OPEN_CHILDREN");
  EXPECT_TRUE(CheckTransition(S::kActive, S::kAbolished, 0).ok());
  EXPECT_TRUE(CheckTransition(S::kActive, S::kFrozen, 2).ok());
}

TEST(Paths, IdsAndSubtrees) {
  EXPECT_EQ(PathIds("/C/T/V/"), (std::vector<std::string>{"C", "T", "V"}));
  Unit county = Make("C", "/C/", L::kCounty);
  EXPECT_EQ(ChildPath(&county, "T"), "/C/T/");
  EXPECT_EQ(ChildPath(nullptr, "C"), "/C/");
  EXPECT_TRUE(InSubtree("/C/T/V/", "/C/T/"));
  EXPECT_TRUE(InSubtree("/C/T/", "/C/T/"));
  EXPECT_FALSE(InSubtree("/C/T2/", "/C/T/"));
  EXPECT_FALSE(InSubtree("/C/", "/C/T/"));
  EXPECT_FALSE(InSubtree("/C/", ""));
}

TEST(EffectiveDates, EndNotBeforeStart) {
  EXPECT_TRUE(EffectiveDatesOrdered(absl::CivilDay(2026, 1, 1), absl::CivilDay(2026, 1, 1)));
  EXPECT_FALSE(EffectiveDatesOrdered(absl::CivilDay(2026, 1, 2), absl::CivilDay(2026, 1, 1)));
  EXPECT_TRUE(EffectiveDatesOrdered(std::nullopt, absl::CivilDay(2026, 1, 1)));
}

}  // namespace
}  // namespace huinong::org
