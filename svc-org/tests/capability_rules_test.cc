// The capability rule and its cache, free of I/O: a post's capabilities
// reach its unit and every unit below it; acting holders hold them only
// between the delegation's dates (and only the delegated subset); dated post
// versions; people on leave or gone; the cache's TTL and invalidation.
#include <gtest/gtest.h>

#include "svc-org/src/domain/capability.h"
#include "svc-org/src/domain/capability_cache.h"

namespace huinong::org {
namespace {

using absl::CivilDay;

// The county centre C, township T under it, villages V1 and V2 under T,
// and another township T2.
constexpr char kCounty[] = "/C/";
constexpr char kTownship[] = "/C/T/";
constexpr char kVillage1[] = "/C/T/V1/";
constexpr char kVillage2[] = "/C/T/V2/";
constexpr char kTownship2[] = "/C/T2/";

GrantSource Source(std::string id, AssignmentKind kind, std::string unit_path,
                   std::vector<std::string> caps, CivilDay from = CivilDay(2024, 1, 1),
                   std::optional<CivilDay> to = std::nullopt) {
  GrantSource s;
  s.assignment_id = std::move(id);
  s.kind = kind;
  s.from = from;
  s.to = to;
  s.post_id = "post-" + s.assignment_id;
  s.post_unit_path = std::move(unit_path);
  s.post_from = CivilDay(2020, 1, 1);
  GrantTerms t;
  t.from = CivilDay(2020, 1, 1);
  t.capabilities = std::move(caps);
  s.terms.push_back(t);
  return s;
}

StaffGrants Person(std::vector<GrantSource> sources, StaffStatus status = StaffStatus::kActive) {
  StaffGrants g;
  g.staff_id = "S";
  g.status = status;
  g.sources = std::move(sources);
  return g;
}

const CivilDay kDay(2025, 6, 1);

TEST(CapabilityRule, APostGrantsForItsUnitAndEveryUnitBelow) {
  // The township department head leads loan surveys in its villages.
  StaffGrants head = Person({Source("a1", AssignmentKind::kPrimary, kTownship, {"loans.survey.lead"})});
  CapabilityAnswer a = CheckCapability(head, "loans.survey.lead", kVillage1, kDay);
  ASSERT_TRUE(a.allowed);
  EXPECT_EQ(a.via->assignment_id, "a1");
  EXPECT_EQ(a.distance, 1);
  EXPECT_EQ(CheckCapability(head, "loans.survey.lead", kTownship, kDay).distance, 0);
  EXPECT_TRUE(CheckCapability(head, "loans.survey.lead", kVillage2, kDay).allowed);
}

TEST(CapabilityRule, RefusalsSayWhy) {
  StaffGrants head = Person({Source("a1", AssignmentKind::kPrimary, kTownship, {"loans.survey.lead"})});
  EXPECT_EQ(CheckCapability(head, "loans.survey.lead", kTownship2, kDay).denial, CapabilityDenial::kOutOfScope);
  EXPECT_EQ(CheckCapability(head, "loans.survey.lead", kCounty, kDay).denial, CapabilityDenial::kOutOfScope)
      << "a township post grants nothing for the county above it";
  EXPECT_EQ(CheckCapability(head, "loans.review.county", kVillage1, kDay).denial,
            CapabilityDenial::kNotGranted);
  StaffGrants past = Person({Source("a1", AssignmentKind::kPrimary, kTownship, {"loans.survey.lead"},
                                    CivilDay(2024, 1, 1), CivilDay(2024, 12, 31))});
  EXPECT_EQ(CheckCapability(past, "loans.survey.lead", kVillage1, kDay).denial,
            CapabilityDenial::kNotEffective);
  EXPECT_TRUE(CheckCapability(past, "loans.survey.lead", kVillage1, CivilDay(2024, 12, 31)).allowed);
}

TEST(CapabilityRule, ActingHoldsOnlyDuringTheDelegation) {
  // The deputy acts for the absent head from 1 to 15 June.
  StaffGrants deputy = Person({Source("act", AssignmentKind::kActing, kTownship, {"loans.survey.lead"},
                                      CivilDay(2025, 6, 1), CivilDay(2025, 6, 15))});
  EXPECT_FALSE(CheckCapability(deputy, "loans.survey.lead", kVillage1, CivilDay(2025, 5, 31)).allowed);
  EXPECT_TRUE(CheckCapability(deputy, "loans.survey.lead", kVillage1, CivilDay(2025, 6, 1)).allowed);
  EXPECT_TRUE(CheckCapability(deputy, "loans.survey.lead", kVillage1, CivilDay(2025, 6, 15)).allowed);
  CapabilityAnswer after = CheckCapability(deputy, "loans.survey.lead", kVillage1, CivilDay(2025, 6, 16));
  EXPECT_FALSE(after.allowed);
  EXPECT_EQ(after.denial, CapabilityDenial::kNotEffective);
}

TEST(CapabilityRule, ADelegatedSubsetLimitsTheActingHolder) {
  GrantSource act = Source("act", AssignmentKind::kActing, kTownship,
                           {"loans.survey.lead", "subsidy.check.township"});
  act.delegated = {"subsidy.check.township"};
  StaffGrants deputy = Person({act});
  EXPECT_TRUE(CheckCapability(deputy, "subsidy.check.township", kVillage1, kDay).allowed);
  EXPECT_EQ(CheckCapability(deputy, "loans.survey.lead", kVillage1, kDay).denial,
            CapabilityDenial::kNotGranted);
}

TEST(CapabilityRule, TheNearestGrantAndPrimaryFirst) {
  StaffGrants s = Person({Source("county", AssignmentKind::kPrimary, kCounty, {"tickets.supervisor"}),
                          Source("acting", AssignmentKind::kActing, kTownship, {"tickets.supervisor"}),
                          Source("conc", AssignmentKind::kConcurrent, kTownship, {"tickets.supervisor"})});
  CapabilityAnswer a = CheckCapability(s, "tickets.supervisor", kVillage1, kDay);
  ASSERT_TRUE(a.allowed);
  EXPECT_EQ(a.via->assignment_id, "conc") << "nearest unit, then CONCURRENT before ACTING";
  EXPECT_EQ(a.distance, 1);
}

TEST(CapabilityRule, DatedPostVersionsAndPlannedPosts) {
  GrantSource s = Source("a1", AssignmentKind::kPrimary, kTownship, {});
  s.terms[0].until = CivilDay(2025, 7, 1);
  GrantTerms later;
  later.from = CivilDay(2025, 7, 1);
  later.capabilities = {"loans.survey.lead"};
  s.terms.push_back(later);
  StaffGrants g = Person({s});
  EXPECT_EQ(CheckCapability(g, "loans.survey.lead", kVillage1, CivilDay(2025, 6, 30)).denial,
            CapabilityDenial::kNotEffective);
  EXPECT_TRUE(CheckCapability(g, "loans.survey.lead", kVillage1, CivilDay(2025, 7, 1)).allowed);
  g.sources[0].terms[1].status = PostStatus::kPlanned;
  EXPECT_FALSE(CheckCapability(g, "loans.survey.lead", kVillage1, CivilDay(2025, 7, 1)).allowed);
  g.sources[0].terms[1].status = PostStatus::kActive;
  g.sources[0].post_to = CivilDay(2025, 12, 31);  // the post is abolished after that
  EXPECT_FALSE(CheckCapability(g, "loans.survey.lead", kVillage1, CivilDay(2026, 1, 1)).allowed);
}

TEST(CapabilityRule, PeopleOnLeaveKeepOnlyTheirActingGrants) {
  StaffGrants s = Person({Source("own", AssignmentKind::kPrimary, kTownship, {"loans.survey.lead"}),
                          Source("act", AssignmentKind::kActing, kVillage1, {"tickets.agent"})},
                         StaffStatus::kOnLeave);
  EXPECT_EQ(CheckCapability(s, "loans.survey.lead", kVillage1, kDay).denial,
            CapabilityDenial::kStaffNotActive);
  EXPECT_TRUE(CheckCapability(s, "tickets.agent", kVillage1, kDay).allowed);
  EXPECT_EQ(CheckCapability(s, "loans.review.county", kVillage1, kDay).denial, CapabilityDenial::kNotGranted);
  s.status = StaffStatus::kLeft;
  EXPECT_EQ(CheckCapability(s, "tickets.agent", kVillage1, kDay).denial, CapabilityDenial::kStaffNotActive);
}

TEST(CapabilityRule, DistanceCountsLevels) {
  EXPECT_EQ(DistanceUp(kVillage1, kCounty), 2);
  EXPECT_EQ(DistanceUp(kCounty, kCounty), 0);
  EXPECT_EQ(DistanceUp(kCounty, kVillage1), -1);
  EXPECT_EQ(DistanceUp("/C/T2x/", kTownship2), -1) << "a prefix of an id is not an ancestor";
}

class FakeClock {
 public:
  absl::Time Now() const { return now_; }
  void Advance(absl::Duration d) { now_ += d; }

 private:
  absl::Time now_ = absl::FromUnixSeconds(1750000000);
};

TEST(CapabilityCacheTest, EntriesLiveForTheTtl) {
  FakeClock clock;
  CapabilityCache cache(absl::Seconds(5), 10, [&] { return clock.Now(); });
  auto grants = std::make_shared<const StaffGrants>(Person({}));
  cache.StoreGrants("S", grants, cache.CurrentGeneration());
  cache.StoreUnitPath("V1", kVillage1, cache.CurrentGeneration());
  EXPECT_EQ(cache.FindGrants("S"), grants);
  EXPECT_EQ(cache.FindUnitPath("V1").value_or(""), kVillage1);
  clock.Advance(absl::Milliseconds(4999));
  EXPECT_NE(cache.FindGrants("S"), nullptr);
  clock.Advance(absl::Milliseconds(1));
  EXPECT_EQ(cache.FindGrants("S"), nullptr) << "never older than the TTL";
  EXPECT_FALSE(cache.FindUnitPath("V1").has_value());
}

TEST(CapabilityCacheTest, InvalidationWinsOverALoadThatStartedBefore) {
  FakeClock clock;
  CapabilityCache cache(absl::Seconds(5), 10, [&] { return clock.Now(); });
  const CapabilityCache::Generation before_load = cache.CurrentGeneration();
  cache.InvalidateStaff("S");  // a change commits while the load is running
  cache.StoreGrants("S", std::make_shared<const StaffGrants>(Person({})), before_load);
  EXPECT_EQ(cache.FindGrants("S"), nullptr) << "the stale load is not stored";
  cache.StoreGrants("S", std::make_shared<const StaffGrants>(Person({})), cache.CurrentGeneration());
  EXPECT_NE(cache.FindGrants("S"), nullptr);
  cache.InvalidateAll();
  EXPECT_EQ(cache.FindGrants("S"), nullptr);
}

TEST(CapabilityCacheTest, IsBounded) {
  FakeClock clock;
  CapabilityCache cache(absl::Seconds(5), 3, [&] { return clock.Now(); });
  for (int i = 0; i < 3; ++i) {
    cache.StoreGrants("S" + std::to_string(i), std::make_shared<const StaffGrants>(Person({})),
                      cache.CurrentGeneration());
  }
  clock.Advance(absl::Seconds(6));
  cache.StoreGrants("fresh", std::make_shared<const StaffGrants>(Person({})), cache.CurrentGeneration());
  EXPECT_NE(cache.FindGrants("fresh"), nullptr) << "expired entries make room";
  cache.StoreGrants("a", std::make_shared<const StaffGrants>(Person({})), cache.CurrentGeneration());
  cache.StoreGrants("b", std::make_shared<const StaffGrants>(Person({})), cache.CurrentGeneration());
  cache.StoreGrants("c", std::make_shared<const StaffGrants>(Person({})), cache.CurrentGeneration());
  EXPECT_EQ(cache.FindGrants("fresh"), nullptr) << "a full map drops the entries that expire soonest";
  EXPECT_NE(cache.FindGrants("c"), nullptr);
}

}  // namespace
}  // namespace huinong::org
