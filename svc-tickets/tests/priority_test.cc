// Priority from type and severity for every pair, and who handles each.
#include <map>
#include <vector>

#include <gtest/gtest.h>

#include "svc-tickets/src/domain/priority.h"

namespace huinong::tickets {
namespace {

using T = TicketType;
using V = Severity;

TEST(Priority, EveryTypeAndSeverityGivesTheDocumentedPriority) {
  const std::vector<T> types = {T::kUnspecified, T::kConsultation, T::kComplaint,  T::kGrievance,
                                T::kRepair,      T::kIncidentReport, T::kHelpRequest, T::kSuggestion,
                                T::kPraise,      T::kClaim,        T::kEmergency};
  // Expected for SIMPLE (and unspecified) severity, then MAJOR; SUDDEN is always P1.
  const std::map<T, std::pair<Priority, Priority>> expected = {
      {T::kUnspecified, {Priority::kP4, Priority::kP3}},    {T::kConsultation, {Priority::kP4, Priority::kP3}},
      {T::kComplaint, {Priority::kP3, Priority::kP2}},      {T::kGrievance, {Priority::kP3, Priority::kP2}},
      {T::kRepair, {Priority::kP3, Priority::kP3}},         {T::kIncidentReport, {Priority::kP3, Priority::kP3}},
      {T::kHelpRequest, {Priority::kP3, Priority::kP3}},    {T::kSuggestion, {Priority::kP4, Priority::kP3}},
      {T::kPraise, {Priority::kP4, Priority::kP3}},         {T::kClaim, {Priority::kP3, Priority::kP2}},
      {T::kEmergency, {Priority::kP1, Priority::kP1}},
  };
  for (T t : types) {
    EXPECT_EQ(DerivePriority(t, V::kUnspecified), expected.at(t).first) << TicketTypeName(t);
    EXPECT_EQ(DerivePriority(t, V::kSimple), expected.at(t).first) << TicketTypeName(t);
    EXPECT_EQ(DerivePriority(t, V::kMajor), expected.at(t).second) << TicketTypeName(t);
    EXPECT_EQ(DerivePriority(t, V::kSudden), Priority::kP1) << TicketTypeName(t);
    // Never less urgent for a graver severity.
    EXPECT_LE(static_cast<int>(DerivePriority(t, V::kMajor)), static_cast<int>(DerivePriority(t, V::kSimple)));
  }
}

TEST(Priority, EachLevelHasItsHandlersAndOnlyP1TellsTheManagerAtOnce) {
  EXPECT_EQ(HandlerCapability(Priority::kP1), "tickets.supervisor");
  EXPECT_EQ(HandlerCapability(Priority::kP2), "tickets.manager");
  EXPECT_EQ(HandlerCapability(Priority::kP3), "tickets.agent");
  EXPECT_EQ(HandlerCapability(Priority::kP4), "tickets.agent");
  EXPECT_TRUE(ManagerMustBeNotified(Priority::kP1));
  for (Priority p : {Priority::kP2, Priority::kP3, Priority::kP4}) EXPECT_FALSE(ManagerMustBeNotified(p));
  EXPECT_TRUE(IsComplaint(T::kComplaint));
  EXPECT_TRUE(IsComplaint(T::kGrievance));
  EXPECT_FALSE(IsComplaint(T::kClaim));
}

}  // namespace
}  // namespace huinong::tickets
