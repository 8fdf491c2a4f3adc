#include "common/domain/state_table.h"

#include <gtest/gtest.h>

namespace huinong::domain {
namespace {

enum class Door { kOpen, kShut, kLocked };
enum class Act { kShut, kOpen, kLock, kUnlock };

absl::string_view DoorName(Door d) {
  switch (d) {
    case Door::kOpen: return "OPEN";
    case Door::kShut: return "SHUT";
    case Door::kLocked: return "LOCKED";
  }
  return "?";
}
absl::string_view ActName(Act a) {
  switch (a) {
    case Act::kShut: return "SHUT";
    case Act::kOpen: return "OPEN";
    case Act::kLock: return "LOCK";
    case Act::kUnlock: return "UNLOCK";
  }
  return "?";
}

const StateTable<Door, Act>& Doors() {
  static const StateTable<Door, Act> table(
      "a door", {Door::kOpen, Door::kShut, Door::kLocked},
      {Act::kShut, Act::kOpen, Act::kLock, Act::kUnlock}, DoorName, ActName,
      {{Door::kOpen, Act::kShut, Door::kShut},
       {Door::kShut, Act::kOpen, Door::kOpen},
       {Door::kShut, Act::kLock, Door::kLocked},
       {Door::kLocked, Act::kUnlock, Door::kShut}});
  return table;
}

TEST(StateTable, ListedPairsLeadToTheirTarget) {
  EXPECT_EQ(*Doors().Next(Door::kShut, Act::kLock), Door::kLocked);
  EXPECT_EQ(*Doors().Next(Door::kLocked, Act::kUnlock), Door::kShut);
}

TEST(StateTable, AnUnlistedPairIsRefusedNamingStateEventAndWhatIsAllowed) {
  absl::StatusOr<Door> next = Doors().Next(Door::kLocked, Act::kOpen);
  ASSERT_FALSE(next.ok());
  EXPECT_EQ(next.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rpc::ReasonOf(next.status()), "INVALID_TRANSITION");
  EXPECT_EQ(next.status().message(), "a door in state LOCKED cannot OPEN (allowed: UNLOCK)");
}

TEST(StateTable, EveryStateTimesEveryEventIsEitherARowOrRefused) {
  int allowed = 0;
  for (Door s : Doors().States()) {
    for (Act e : Doors().Events()) {
      const bool listed = Doors().Allows(s, e);
      EXPECT_EQ(Doors().Next(s, e).ok(), listed);
      allowed += listed;
    }
  }
  EXPECT_EQ(allowed, 4);
}

TEST(StateTable, ListsItselfAsMarkdown) {
  EXPECT_EQ(Doors().Markdown(),
            "| from | event | to |\n|---|---|---|\n"
            "| OPEN | SHUT | SHUT |\n| SHUT | OPEN | OPEN |\n"
            "| SHUT | LOCK | LOCKED |\n| LOCKED | UNLOCK | SHUT |\n");
}

TEST(StateTable, AMoveNamedByItsTargetIsTheEventLeadingThereAndStayingPutIsNoMove) {
  EXPECT_TRUE(Doors().CheckMove(Door::kShut, Door::kShut, Act::kOpen).ok());
  EXPECT_TRUE(Doors().CheckMove(Door::kShut, Door::kLocked, Act::kLock).ok());
  absl::Status refused = Doors().CheckMove(Door::kOpen, Door::kLocked, Act::kLock);
  EXPECT_EQ(rpc::ReasonOf(refused), "INVALID_TRANSITION");
  EXPECT_EQ(refused.message(), "a door in state OPEN cannot LOCK (allowed: SHUT)");
}

TEST(StateTableDeathTest, TwoRowsForOnePairAbortAtConstruction) {
  auto build = [] {
    StateTable<Door, Act> bad("a door", {Door::kOpen}, {Act::kShut}, DoorName, ActName,
                              {{Door::kOpen, Act::kShut, Door::kShut},
                               {Door::kOpen, Act::kShut, Door::kLocked}});
  };
  EXPECT_DEATH(build(), "");
}

}  // namespace
}  // namespace huinong::domain
