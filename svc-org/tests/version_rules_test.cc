// The pure rules of dated versions: how new terms join a record's versions
// (the same day replaces, a later day closes and opens, an earlier day is
// refused) and how a write to a unit is planned against a scheduled version.
#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-org/src/domain/unit_history.h"
#include "svc-org/src/domain/version_step.h"

namespace huinong::org {
namespace {

constexpr absl::CivilDay kMar1{2026, 3, 1};
constexpr absl::CivilDay kMar2{2026, 3, 2};
constexpr absl::CivilDay kApr1{2026, 4, 1};

TEST(NextVersionStep, EveryOrderOfTheTwoDays) {
  EXPECT_EQ(*NextVersionStep(std::nullopt, kMar1), VersionStep::kOpenFirst);
  EXPECT_EQ(*NextVersionStep(kMar1, kMar1), VersionStep::kReplaceLatest);
  EXPECT_EQ(*NextVersionStep(kMar1, kMar2), VersionStep::kCloseLatestAndOpen);
  EXPECT_EQ(*NextVersionStep(kMar1, kApr1), VersionStep::kCloseLatestAndOpen);
  absl::StatusOr<VersionStep> earlier = NextVersionStep(kMar2, kMar1);
  EXPECT_EQ(earlier.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(rpc::ReasonOf(earlier.status()), "EFFECTIVE_DATE_TOO_EARLY");
}

Unit Row() {
  Unit u;
  u.id = "U1";
  u.display_name = "城关镇农业服务中心";
  u.path = "/C/U1/";
  u.depth = 1;
  u.version = 7;
  return u;
}

UnitVersion Version(absl::CivilDay from, bool scheduled, const std::string& name = "城关镇") {
  UnitVersion v;
  v.unit = Row();
  v.unit.display_name = name;
  v.unit.path.clear();
  v.unit.depth = 0;
  v.unit.version = 3;
  v.valid_from = from;
  v.scheduled = scheduled;
  v.change_request_id = scheduled ? "CR1" : "";
  return v;
}

TEST(DueOn, AScheduledVersionIsDueFromItsDay) {
  EXPECT_FALSE(DueOn(Version(kMar2, true), kMar1));
  EXPECT_TRUE(DueOn(Version(kMar2, true), kMar2));
  EXPECT_TRUE(DueOn(Version(kMar1, true), kMar2));
  EXPECT_FALSE(DueOn(Version(kMar1, false), kMar2));  // in force already
}

TEST(PlanUnitVersion, ADirectWriteTakesEffectTodayWhateverDayItAsks) {
  absl::StatusOr<UnitVersionPlan> plan = PlanUnitVersion(Row(), Version(kMar1, false), kApr1, kMar2, false);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->day, kMar2);
  EXPECT_EQ(plan->latest_from, kMar1);
  EXPECT_EQ(plan->base.display_name, "城关镇农业服务中心");  // the registry row
  absl::StatusOr<UnitVersionPlan> first = PlanUnitVersion(Row(), std::nullopt, kApr1, kMar2, false);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->day, kMar2);
  EXPECT_EQ(first->latest_from, std::nullopt);
}

TEST(PlanUnitVersion, ADirectWriteWaitsForAScheduledChange) {
  absl::StatusOr<UnitVersionPlan> plan = PlanUnitVersion(Row(), Version(kApr1, true), kMar2, kMar2, false);
  EXPECT_EQ(rpc::ReasonOf(plan.status()), "CHANGE_SCHEDULED");
  EXPECT_EQ(plan.status().message(), "units/U1 has a change scheduled from 2026-04-01 by changeRequests/CR1");
}

TEST(PlanUnitVersion, AChangeRequestBuildsOnTheScheduledTermsFromItsOwnDay) {
  absl::StatusOr<UnitVersionPlan> plan =
      PlanUnitVersion(Row(), Version(kApr1, true, "城关镇（新）"), absl::CivilDay(2026, 5, 1), kMar2, true);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ(plan->day, absl::CivilDay(2026, 5, 1));
  EXPECT_EQ(plan->latest_from, kApr1);
  EXPECT_EQ(plan->base.display_name, "城关镇（新）");
  EXPECT_EQ(plan->base.path, "/C/U1/");  // the tree position and version stay the registry row's
  EXPECT_EQ(plan->base.depth, 1);
  EXPECT_EQ(plan->base.version, 7);
}

TEST(PlanUnitVersion, NoDayBeforeTheLatestVersion) {
  absl::StatusOr<UnitVersionPlan> plan = PlanUnitVersion(Row(), Version(kApr1, true), kMar2, kMar2, true);
  EXPECT_EQ(rpc::ReasonOf(plan.status()), "EFFECTIVE_DATE_TOO_EARLY");
  EXPECT_EQ(plan.status().message(), "units/U1 already has a version from 2026-04-01");
  absl::StatusOr<UnitVersionPlan> same = PlanUnitVersion(Row(), Version(kApr1, true), kApr1, kMar2, true);
  ASSERT_TRUE(same.ok());  // the same day replaces the scheduled version
  EXPECT_EQ(same->day, kApr1);
}

}  // namespace
}  // namespace huinong::org
