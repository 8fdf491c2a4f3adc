// The callback rules of issue 12 item 6: a ticket cannot close without a
// satisfied callback; an unsatisfied one reopens; a fixed complaint needs a
// second satisfied callback; the resolver does not call back where the unit
// has a callback group, but a one-person unit may; a supervisor closes after
// the set unreachable attempts.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-tickets/src/domain/callback_rules.h"

namespace huinong::tickets {
namespace {

using O = CallbackOutcome;
using E = TicketEvent;

const absl::Time kNow = absl::FromUnixSeconds(1'772'500'000);

CallbackAttempt Attempt(O outcome, int satisfaction = 0, int round = 0, std::string opinion = "") {
  CallbackAttempt a;
  a.caller = "staff/caller";
  a.time = kNow - absl::Minutes(5);
  a.outcome = outcome;
  a.satisfaction = satisfaction;
  a.opinion = std::move(opinion);
  a.round = round;
  return a;
}

// Plays attempts through the table from RESOLVED, as RecordCallback will.
TicketState Play(TicketType type, const std::vector<CallbackAttempt>& attempts, int required) {
  TicketState state = TicketState::kResolved;
  std::vector<CallbackAttempt> earlier;
  for (const CallbackAttempt& a : attempts) {
    state = *NextState(state, CallbackEvent(a, earlier, required), type);
    earlier.push_back(a);
  }
  return state;
}

TEST(CallbackRules, HowManySatisfiedCallbacksCloseATicket) {
  SlaPolicy policy;
  policy.callbacks_required = 0;
  EXPECT_EQ(CallbacksRequired(TicketType::kComplaint, policy), 2);  // `000:865`
  EXPECT_EQ(CallbacksRequired(TicketType::kGrievance, policy), 2);
  EXPECT_EQ(CallbacksRequired(TicketType::kRepair, policy), 1);  // `000:863`
  EXPECT_EQ(CallbacksRequired(TicketType::kConsultation, policy), 0);
  policy.callbacks_required = 7;  // read as at most 2
  EXPECT_EQ(CallbacksRequired(TicketType::kHelpRequest, policy), 2);
  EXPECT_EQ(CallbacksRequired(TicketType::kRepair, policy), 2);
}

TEST(CallbackRules, ATicketCannotCloseWithoutASatisfiedCallback) {
  EXPECT_EQ(rpc::ReasonOf(CheckCloseWithoutCallback(1)), "CALLBACK_REQUIRED");
  EXPECT_TRUE(CheckCloseWithoutCallback(0).ok());
  // Unreachable attempts never close it; only a satisfied customer does.
  EXPECT_EQ(Play(TicketType::kRepair, {Attempt(O::kUnreachable), Attempt(O::kUnreachable)}, 1),
            TicketState::kCallbackPending);
  EXPECT_EQ(Play(TicketType::kRepair, {Attempt(O::kUnreachable), Attempt(O::kSatisfied, 4)}, 1), TicketState::kClosed);
}

TEST(CallbackRules, AnUnsatisfiedCallbackReopensAndTheNextRoundCountsAfresh) {
  EXPECT_EQ(Play(TicketType::kRepair, {Attempt(O::kUnsatisfied, 2, 0, "still leaking")}, 1), TicketState::kReopened);
  // A satisfied callback of round 0 does not count toward round 1.
  const std::vector<CallbackAttempt> history = {Attempt(O::kSatisfied, 5, 0), Attempt(O::kUnsatisfied, 1, 0, "no")};
  EXPECT_EQ(SatisfiedInRound(history, 1), 0);
  EXPECT_EQ(CallbackEvent(Attempt(O::kSatisfied, 4, 1), history, 2), E::kCallbackIncomplete);
}

TEST(CallbackRules, AFixedComplaintNeedsASecondSatisfiedCallback) {
  const int required = CallbacksRequired(TicketType::kComplaint, SlaPolicy{});
  EXPECT_EQ(Play(TicketType::kComplaint, {Attempt(O::kSatisfied, 4)}, required), TicketState::kCallbackPending);
  EXPECT_EQ(Play(TicketType::kComplaint, {Attempt(O::kSatisfied, 4), Attempt(O::kSatisfied, 5)}, required),
            TicketState::kClosed);
  // Unsatisfied at the second callback: reopened after all.
  EXPECT_EQ(Play(TicketType::kComplaint, {Attempt(O::kSatisfied, 4), Attempt(O::kUnsatisfied, 2, 0, "came back")},
                 required),
            TicketState::kReopened);
}

TEST(CallbackRules, TheResolverDoesNotCallBackWhereTheUnitHasACallbackGroup) {
  const absl::Status own = CheckCaller("staff/resolver", "staff/resolver", 1);
  EXPECT_EQ(own.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(rpc::ReasonOf(own), "CALLBACK_BY_RESOLVER");
  EXPECT_TRUE(CheckCaller("staff/caller", "staff/resolver", 1).ok());
  // A one-person unit (`001:171`): nobody else holds tickets.callback there.
  EXPECT_TRUE(CheckCaller("staff/resolver", "staff/resolver", 0).ok());
  EXPECT_EQ(rpc::ReasonOf(CheckMayCall(true)), "DO_NOT_CALL");
  EXPECT_TRUE(CheckMayCall(false).ok());
}

TEST(CallbackRules, ASupervisorClosesAfterTheSetUnreachableAttemptsOfTheRound) {
  std::vector<CallbackAttempt> attempts = {Attempt(O::kUnreachable, 0, 0), Attempt(O::kUnreachable, 0, 1),
                                           Attempt(O::kUnreachable, 0, 1)};
  EXPECT_EQ(rpc::ReasonOf(CheckCloseUnreachable(attempts, 1, 3, false)), "CALLBACK_ATTEMPTS_REMAINING");
  EXPECT_EQ(rpc::ReasonOf(CheckCloseUnreachable(attempts, 1, 0, false)), "CALLBACK_ATTEMPTS_REMAINING");  // 0 → 3
  attempts.push_back(Attempt(O::kUnreachable, 0, 1));
  EXPECT_TRUE(CheckCloseUnreachable(attempts, 1, 3, false).ok());
  EXPECT_TRUE(CheckCloseUnreachable(attempts, 1, 2, false).ok());
  EXPECT_TRUE(CheckCloseUnreachable({}, 0, 3, /*do_not_call=*/true).ok());
  // And the table only lets CLOSE_UNREACHABLE out of CALLBACK_PENDING.
  for (TicketState s : EveryTicketState()) {
    EXPECT_EQ(TicketFlow().Allows(s, E::kCloseUnreachable), s == TicketState::kCallbackPending);
  }
}

TEST(CallbackRules, AnAttemptNamesEveryBadField) {
  EXPECT_TRUE(CheckAttempt(Attempt(O::kSatisfied, 3), kNow).ok());
  EXPECT_TRUE(CheckAttempt(Attempt(O::kUnsatisfied, 1, 0, "rate too high"), kNow).ok());
  EXPECT_TRUE(CheckAttempt(Attempt(O::kUnreachable), kNow).ok());
  CallbackAttempt bad = Attempt(O::kUnsatisfied, 4);
  bad.time = kNow + absl::Hours(1);
  std::vector<std::string> fields;
  for (const rpc::FieldViolation& v : rpc::FieldViolationsOf(CheckAttempt(bad, kNow))) fields.push_back(v.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"callback.satisfaction", "callback.opinion", "callback.attempt_time"}));
  EXPECT_EQ(rpc::FieldViolationsOf(CheckAttempt(Attempt(O::kSatisfied, 2), kNow)).size(), 1u);
  EXPECT_EQ(rpc::FieldViolationsOf(CheckAttempt(Attempt(O::kUnreachable, 3), kNow)).size(), 1u);
  EXPECT_EQ(rpc::FieldViolationsOf(CheckAttempt(Attempt(O::kUnspecified), kNow))[0].field, "callback.outcome");
}

}  // namespace
}  // namespace huinong::tickets
