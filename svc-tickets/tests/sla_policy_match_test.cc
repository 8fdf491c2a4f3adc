// Which configured SLA policy a ticket uses (domain/sla_policy_match.h), as
// a table over one set of policies on the chain county → town1 → v11, and
// which pairs of policies are ambiguous.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "svc-tickets/src/domain/sla_policy_match.h"

namespace huinong::tickets {
namespace {

using T = TicketType;
using P = Priority;

ConfiguredPolicy Policy(std::string id, std::string unit, std::vector<T> types, std::vector<P> priorities) {
  ConfiguredPolicy p;
  p.id = std::move(id);
  p.scope.unit = std::move(unit);
  p.scope.types = std::move(types);
  p.scope.priorities = std::move(priorities);
  return p;
}

struct MatchCase {
  std::string resolver;  // the ticket's resolver unit
  T type;
  P priority;
  std::string expected;  // policy id, "" for the seeds' defaults
};

MatchCase Case(std::string resolver, T type, P priority, std::string expected) {
  return {std::move(resolver), type, priority, std::move(expected)};
}

std::vector<std::string> ChainTo(const std::string& unit) {
  if (unit == "county") return {"county"};
  if (unit == "town1") return {"county", "town1"};
  if (unit == "town2") return {"county", "town2"};
  return {"county", "town1", unit};
}

TEST(SlaPolicyMatch, TheNearestUnitThenTypesThenPrioritiesWin) {
  const std::vector<ConfiguredPolicy> policies = {
      Policy("A-county-all", "county", {}, {}),
      Policy("B-county-complaints", "county", {T::kComplaint, T::kGrievance}, {}),
      Policy("C-town1-p2", "town1", {}, {P::kP2}),
      Policy("D-town1-repairs", "town1", {T::kRepair}, {}),
      Policy("E-town1-repairs-p1", "town1", {T::kRepair}, {P::kP1}),
      Policy("F-v11-consultations", "v11", {T::kConsultation}, {P::kP4}),
      Policy("G-v12-emergencies", "v12", {T::kEmergency}, {}),
  };
  const std::vector<MatchCase> cases = {
      // Only the county covers town2: types listed beat the catch-all.
      Case("town2", T::kComplaint, P::kP3, "B-county-complaints"),
      Case("town2", T::kRepair, P::kP3, "A-county-all"),
      Case("county", T::kGrievance, P::kP2, "B-county-complaints"),
      // town1's policies are nearer than the county's for its villages,
      // whatever the county lists.
      Case("v11", T::kComplaint, P::kP2, "C-town1-p2"),
      Case("v11", T::kComplaint, P::kP3, "B-county-complaints"),
      Case("town1", T::kRepair, P::kP3, "D-town1-repairs"),
      // Types and priorities listed beat types alone at the same unit.
      Case("v12", T::kRepair, P::kP1, "E-town1-repairs-p1"),
      // Types listed beat priorities listed at the same unit.
      Case("v12", T::kRepair, P::kP2, "D-town1-repairs"),
      Case("v11", T::kConsultation, P::kP4, "F-v11-consultations"),
      Case("v11", T::kConsultation, P::kP3, "A-county-all"),
      // A policy of a sibling unit never applies.
      Case("v11", T::kEmergency, P::kP1, "A-county-all"),
      Case("v12", T::kEmergency, P::kP1, "G-v12-emergencies"),
  };
  for (const MatchCase& c : cases) {
    const ConfiguredPolicy* got = MatchPolicy(policies, ChainTo(c.resolver), c.type, c.priority);
    ASSERT_NE(got, nullptr) << c.resolver << " " << TicketTypeName(c.type) << " " << PriorityName(c.priority);
    EXPECT_EQ(got->id, c.expected) << c.resolver << " " << TicketTypeName(c.type) << " " << PriorityName(c.priority);
  }
}

TEST(SlaPolicyMatch, NoMatchFallsBackToTheSeeds) {
  const std::vector<ConfiguredPolicy> policies = {Policy("C-town1-p2", "town1", {}, {P::kP2}),
                                                  Policy("G-v12-emergencies", "v12", {T::kEmergency}, {})};
  EXPECT_EQ(MatchPolicy(policies, ChainTo("town2"), T::kComplaint, P::kP2), nullptr);
  EXPECT_EQ(MatchPolicy(policies, ChainTo("v11"), T::kComplaint, P::kP3), nullptr);
  EXPECT_EQ(MatchPolicy({}, ChainTo("v11"), T::kComplaint, P::kP3), nullptr);
}

TEST(SlaPolicyMatch, AnEqualRankFallsToTheOldestId) {
  // Ambiguous, so never both accepted; the rule still answers one way.
  const std::vector<ConfiguredPolicy> policies = {Policy("02", "town1", {T::kRepair}, {}),
                                                  Policy("01", "town1", {T::kRepair, T::kClaim}, {})};
  EXPECT_EQ(MatchPolicy(policies, ChainTo("v11"), T::kRepair, P::kP3)->id, "01");
}

TEST(SlaPolicyMatch, PoliciesAreAmbiguousOnlyWhenATicketMatchesBothAtOneRank) {
  struct Pair {
    PolicyScope a, b;
    bool ambiguous;
  };
  const PolicyScope all{"town1", {}, {}};
  const PolicyScope complaints{"town1", {T::kComplaint}, {}};
  const PolicyScope complaints_grievances{"town1", {T::kComplaint, T::kGrievance}, {}};
  const PolicyScope grievances{"town1", {T::kGrievance}, {}};
  const PolicyScope repairs{"town1", {T::kRepair}, {}};
  const PolicyScope complaints_p2{"town1", {T::kComplaint}, {P::kP2}};
  const PolicyScope complaints_p3{"town1", {T::kComplaint}, {P::kP3}};
  const PolicyScope p2{"town1", {}, {P::kP2}};
  const PolicyScope county_all{"county", {}, {}};
  const std::vector<Pair> pairs = {
      {all, all, true},
      {all, county_all, false},  // different units: the nearer wins
      {all, complaints, false},  // listing types ranks higher
      {complaints, complaints, true},
      {complaints, complaints_grievances, true},  // a complaint matches both
      {grievances, complaints_grievances, true},
      {complaints, repairs, false},  // no ticket matches both
      {complaints, complaints_p2, false},
      {complaints_p2, complaints_p3, false},
      {complaints_p2, complaints_p2, true},
      {p2, complaints, false},
      {p2, p2, true},
  };
  for (const Pair& p : pairs) {
    EXPECT_EQ(Ambiguous(p.a, p.b), p.ambiguous) << p.a.types.size() << "/" << p.a.priorities.size() << " vs "
                                                << p.b.types.size() << "/" << p.b.priorities.size();
    EXPECT_EQ(Ambiguous(p.b, p.a), p.ambiguous);
  }
}

}  // namespace
}  // namespace huinong::tickets
