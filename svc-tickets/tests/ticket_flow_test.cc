// The ticket's lifecycle table for every state × every event, the one type
// rule (a complaint is never cancelled, whatever its state), and the first
// responder kept through transfers, escalations and handovers.
#include <map>

#include <gtest/gtest.h>

#include "common/domain/tests/exhaustive_table.h"
#include "common/rpc/status_details.h"
#include "svc-tickets/src/domain/ticket_flow.h"

namespace huinong::tickets {
namespace {

using S = TicketState;
using E = TicketEvent;

TEST(TicketFlow, TheTableIsExactlyTheDocumentedOneForEveryStateAndEvent) {
  // issue 12 item 3, as ticket_flow.h draws it.
  const std::map<std::pair<S, E>, S> documented = {
      {{S::kRegistered, E::kAnswerAtFirstContact}, S::kAnswered},
      {{S::kRegistered, E::kResolve}, S::kResolved},
      {{S::kRegistered, E::kOpenCase}, S::kCaseOpened},
      {{S::kCaseOpened, E::kAssign}, S::kAssigned},
      {{S::kReopened, E::kAssign}, S::kAssigned},
      {{S::kAssigned, E::kAssign}, S::kAssigned},
      {{S::kInProgress, E::kAssign}, S::kAssigned},
      {{S::kEscalated, E::kAssign}, S::kAssigned},
      {{S::kAssigned, E::kStartWork}, S::kInProgress},
      {{S::kInProgress, E::kWaitForCustomer}, S::kWaitingOnCustomer},
      {{S::kEscalated, E::kWaitForCustomer}, S::kWaitingOnCustomer},
      {{S::kWaitingOnCustomer, E::kResume}, S::kInProgress},
      {{S::kCaseOpened, E::kEscalate}, S::kEscalated},
      {{S::kAssigned, E::kEscalate}, S::kEscalated},
      {{S::kInProgress, E::kEscalate}, S::kEscalated},
      {{S::kEscalated, E::kEscalate}, S::kEscalated},
      {{S::kReopened, E::kEscalate}, S::kEscalated},
      {{S::kCaseOpened, E::kTransfer}, S::kCaseOpened},
      {{S::kAssigned, E::kTransfer}, S::kCaseOpened},
      {{S::kInProgress, E::kTransfer}, S::kCaseOpened},
      {{S::kEscalated, E::kTransfer}, S::kCaseOpened},
      {{S::kReopened, E::kTransfer}, S::kCaseOpened},
      {{S::kInProgress, E::kSubmitReply}, S::kPendingApproval},
      {{S::kEscalated, E::kSubmitReply}, S::kPendingApproval},
      {{S::kPendingApproval, E::kApproveReply}, S::kInProgress},
      {{S::kPendingApproval, E::kRejectReply}, S::kInProgress},
      {{S::kInProgress, E::kResolve}, S::kResolved},
      {{S::kEscalated, E::kResolve}, S::kResolved},
      {{S::kResolved, E::kCloseNoCallbackDue}, S::kClosed},
      {{S::kResolved, E::kCallbackSatisfied}, S::kClosed},
      {{S::kCallbackPending, E::kCallbackSatisfied}, S::kClosed},
      {{S::kResolved, E::kCallbackIncomplete}, S::kCallbackPending},
      {{S::kCallbackPending, E::kCallbackIncomplete}, S::kCallbackPending},
      {{S::kResolved, E::kCallbackUnsatisfied}, S::kReopened},
      {{S::kCallbackPending, E::kCallbackUnsatisfied}, S::kReopened},
      {{S::kCallbackPending, E::kCloseUnreachable}, S::kClosed},
      {{S::kClosed, E::kReopen}, S::kReopened},
      {{S::kAnswered, E::kReopen}, S::kReopened},
      {{S::kRegistered, E::kCancel}, S::kCancelled},
      {{S::kCaseOpened, E::kCancel}, S::kCancelled},
      {{S::kAssigned, E::kCancel}, S::kCancelled},
      {{S::kInProgress, E::kCancel}, S::kCancelled},
      {{S::kWaitingOnCustomer, E::kCancel}, S::kCancelled},
  };
  EXPECT_EQ(domain::ExpectExactlyTheDocumentedTable(TicketFlow(), documented), 13 * 19);
}

TEST(TicketFlow, ACancelledTicketIsFinalAndNothingButAnsweredAndClosedReopens) {
  for (E e : EveryTicketEvent()) EXPECT_FALSE(TicketFlow().Allows(S::kCancelled, e)) << TicketEventName(e);
  for (S s : EveryTicketState()) {
    EXPECT_EQ(TicketFlow().Allows(s, E::kReopen), s == S::kClosed || s == S::kAnswered) << TicketStateName(s);
  }
  EXPECT_FALSE(IsOpen(S::kAnswered));
  EXPECT_FALSE(IsOpen(S::kClosed));
  EXPECT_FALSE(IsOpen(S::kCancelled));
  EXPECT_TRUE(IsOpen(S::kCallbackPending));
  EXPECT_TRUE(IsOpen(S::kReopened));
}

TEST(TicketFlow, AComplaintIsNeverCancelledInAnyStateAndOtherTypesFollowTheTable) {
  for (TicketType complaint : {TicketType::kComplaint, TicketType::kGrievance}) {
    for (S s : EveryTicketState()) {
      const absl::StatusOr<S> next = NextState(s, E::kCancel, complaint);
      EXPECT_EQ(next.status().code(), absl::StatusCode::kFailedPrecondition) << TicketStateName(s);
      EXPECT_EQ(rpc::ReasonOf(next.status()), "COMPLAINT_NOT_CANCELLABLE") << TicketStateName(s);
    }
  }
  // A duplicate repair report is cancelled; a claim too (it is not a complaint).
  EXPECT_EQ(*NextState(S::kRegistered, E::kCancel, TicketType::kRepair), S::kCancelled);
  EXPECT_EQ(*NextState(S::kInProgress, E::kCancel, TicketType::kClaim), S::kCancelled);
  EXPECT_EQ(rpc::ReasonOf(NextState(S::kResolved, E::kCancel, TicketType::kRepair).status()), "INVALID_TRANSITION");
  // Every other event of a complaint is the table's.
  for (S s : EveryTicketState()) {
    for (E e : EveryTicketEvent()) {
      if (e == E::kCancel) continue;
      EXPECT_EQ(NextState(s, e, TicketType::kComplaint).ok(), TicketFlow().Allows(s, e));
    }
  }
}

TEST(TicketPeople, TheFirstResponderStaysThroughTwoTransfersAnEscalationAndAHandover) {
  // A village agent takes a complaint about a loan (`001:1223`, `002:60`).
  TicketPeople p = AtIntake("staff/village-agent", "units/village");
  EXPECT_EQ(p.first_responder, "staff/village-agent");
  EXPECT_EQ(p.accountable, "staff/village-agent");
  EXPECT_EQ(p.assignee, "staff/village-agent");
  p = CaseOpened(p, "units/village");
  EXPECT_EQ(p.assignee, "");
  // To the township, then to the county centre.
  p = *Transferred(p, "units/township", "staff/township-clerk");
  EXPECT_EQ(p.resolver_unit, "units/township");
  EXPECT_EQ(p.assignee, "staff/township-clerk");
  p = *Escalated(p, EscalationLevel::kShiftLeader, "staff/township-leader");
  EXPECT_EQ(p.escalation_level, EscalationLevel::kShiftLeader);
  EXPECT_EQ(p.assignee, "staff/township-leader");
  p = *Transferred(p, "units/county", "");
  EXPECT_EQ(p.resolver_unit, "units/county");
  EXPECT_EQ(p.assignee, "");
  EXPECT_EQ(p.escalation_level, EscalationLevel::kAgent);  // a new unit starts at its agents
  p = Assigned(p, "staff/county-agent");
  // A shift handover moves the work, not the accountability.
  p = HandedOver(p, "staff/night-agent", /*leave=*/false);
  EXPECT_EQ(p.assignee, "staff/night-agent");
  EXPECT_EQ(p.accountable, "staff/village-agent");
  EXPECT_EQ(p.first_responder, "staff/village-agent");
  // The first responder going on leave hands over first (`001:1077`): the
  // colleague answers for it, the first responder stays on record.
  p = HandedOver(p, "staff/village-colleague", /*leave=*/true);
  EXPECT_EQ(p.accountable, "staff/village-colleague");
  EXPECT_EQ(p.first_responder, "staff/village-agent");
}

TEST(TicketPeople, ATransferToTheSameUnitAndAnEscalationDownwardsAreRefused) {
  TicketPeople p = AtIntake("staff/a", "units/v");
  EXPECT_EQ(rpc::ReasonOf(Transferred(p, "units/v", "").status()), "NO_CHANGE");
  p = *Escalated(p, EscalationLevel::kDepartmentHead, "staff/head");
  EXPECT_EQ(Escalated(p, EscalationLevel::kShiftLeader, "staff/leader").status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Escalated(p, EscalationLevel::kDepartmentHead, "staff/head").status().code(),
            absl::StatusCode::kInvalidArgument);
  p = *Escalated(p, EscalationLevel::kUnitAbove, "staff/county-head");
  EXPECT_EQ(rpc::ReasonOf(Escalated(p, EscalationLevel::kUnitAbove, "x").status()), "TOP_LEVEL_REACHED");
  EXPECT_EQ(*NextLevel(EscalationLevel::kAgent), EscalationLevel::kShiftLeader);
  EXPECT_EQ(*NextLevel(EscalationLevel::kShiftLeader), EscalationLevel::kDepartmentHead);
  EXPECT_EQ(*NextLevel(EscalationLevel::kDepartmentHead), EscalationLevel::kUnitAbove);
  EXPECT_EQ(rpc::ReasonOf(NextLevel(EscalationLevel::kUnitAbove).status()), "TOP_LEVEL_REACHED");
}

}  // namespace
}  // namespace huinong::tickets
