// Who may act, for every event and every record: each has one rule, and
// the people the issue names — the first responder, the accountable person,
// the assignee, supervisors, the approving leader, the callback group, the
// SLA scanner, holders at the intake unit — are let in exactly where the
// rules say; a record is refused in the states its rule leaves out.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-tickets/src/domain/ticket_actors.h"

namespace huinong::tickets {
namespace {

using E = TicketEvent;
using Rec = TicketRecord;
using S = TicketState;

ActorFacts Person(std::string staff, std::vector<std::string> capabilities = {}) {
  ActorFacts facts;
  facts.staff = std::move(staff);
  for (std::string& c : capabilities) facts.capabilities.insert(std::move(c));
  return facts;
}

// Capabilities held for the ticket's intake unit only.
ActorFacts AtIntakeUnit(std::string staff, std::vector<std::string> capabilities) {
  ActorFacts facts;
  facts.staff = std::move(staff);
  for (std::string& c : capabilities) facts.intake_capabilities.insert(std::move(c));
  return facts;
}

ActorFacts Scanner() {
  ActorFacts facts;
  facts.scanner = true;
  return facts;
}

TicketPeople People() {
  TicketPeople p = AtIntake("staff/first", "units/village");
  p = Assigned(CaseOpened(p, "units/township"), "staff/worker");
  p.accountable = "staff/stand-in";  // the first responder's leave handover
  return p;
}

TEST(TicketActors, EveryEventHasExactlyOneRule) {
  EXPECT_EQ(ActorRules().size(), EveryTicketEvent().size());
  for (E e : EveryTicketEvent()) EXPECT_EQ(RuleFor(e).event, e) << TicketEventName(e);
}

TEST(TicketActors, EachPersonMayFireExactlyTheEventsTheRulesGiveThem) {
  const TicketPeople people = People();
  struct Case {
    const char* who;
    ActorFacts facts;
    std::set<E> allowed;
  };
  const std::set<E> callback = {E::kCallbackSatisfied, E::kCallbackIncomplete, E::kCallbackUnsatisfied};
  const std::vector<Case> cases = {
      {"first responder", Person("staff/first"), {E::kAnswerAtFirstContact, E::kOpenCase}},
      {"accountable", Person("staff/stand-in"), {E::kTransfer, E::kEscalate, E::kWaitForCustomer, E::kResume}},
      {"assignee",
       Person("staff/worker"),
       {E::kStartWork, E::kTransfer, E::kEscalate, E::kWaitForCustomer, E::kResume, E::kSubmitReply, E::kResolve,
        E::kCloseNoCallbackDue}},
      {"supervisor",
       Person("staff/leader", {"tickets.supervisor"}),
       {E::kOpenCase, E::kAssign, E::kTransfer, E::kEscalate, E::kResume, E::kCloseUnreachable, E::kReopen,
        E::kCancel}},
      {"agent (takes a ticket themselves)", Person("staff/agent", {"tickets.agent"}), {E::kAssign}},
      {"manager", Person("staff/manager", {"tickets.manager"}), {E::kAssign}},
      {"leader approving", Person("staff/head", {"tickets.approve"}), {E::kApproveReply, E::kRejectReply}},
      {"callback group", Person("staff/caller", {"tickets.callback"}), callback},
      {"SLA scanner", Scanner(), {E::kEscalate}},
      {"a stranger", Person("staff/nobody"), {}},
      {"nobody signed in", Person(""), {}},
  };
  for (const Case& c : cases) {
    for (E e : EveryTicketEvent()) {
      const absl::Status status = MayAct(e, people, c.facts);
      EXPECT_EQ(status.ok(), c.allowed.contains(e)) << c.who << " " << TicketEventName(e) << ": " << status;
      if (!status.ok()) {
        EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied);
        EXPECT_EQ(rpc::ReasonOf(status), "CAPABILITY_MISSING");
      }
    }
  }
}

TEST(TicketActors, AnIntakeUnitCapabilityFiresNoEvent) {
  const ActorFacts station = AtIntakeUnit("staff/station", {"tickets.agent", "tickets.supervisor", "tickets.manager",
                                                            "tickets.approve", "tickets.callback"});
  for (E e : EveryTicketEvent()) EXPECT_FALSE(MayAct(e, People(), station).ok()) << TicketEventName(e);
}

TEST(TicketActors, EveryRecordHasExactlyOneRule) {
  EXPECT_EQ(RecordRules().size(), EveryTicketRecord().size());
  for (Rec r : EveryTicketRecord()) EXPECT_EQ(RuleFor(r).record, r) << TicketRecordName(r);
}

TEST(TicketActors, EachPersonMayMakeExactlyTheRecordsTheRulesGiveThem) {
  const TicketPeople people = People();
  struct Case {
    const char* who;
    ActorFacts facts;
    std::set<Rec> allowed;
  };
  const std::vector<Case> cases = {
      {"first responder", Person("staff/first"), {Rec::kManagerNotified}},
      {"accountable", Person("staff/stand-in"), {Rec::kUpdate, Rec::kFollowUp, Rec::kRenewPromise}},
      {"assignee", Person("staff/worker"), {Rec::kUpdate, Rec::kManagerNotified, Rec::kFollowUp, Rec::kRenewPromise}},
      {"supervisor",
       Person("staff/leader", {"tickets.supervisor"}),
       {Rec::kUpdate, Rec::kOnSiteArrival, Rec::kManagerNotified}},
      {"agent of the resolver unit", Person("staff/agent", {"tickets.agent"}), {Rec::kOnSiteArrival}},
      {"agent of the intake unit", AtIntakeUnit("staff/station", {"tickets.agent"}), {Rec::kOnSiteArrival}},
      {"supervisor of the intake unit", AtIntakeUnit("staff/chief", {"tickets.supervisor"}), {Rec::kOnSiteArrival}},
      {"manager", Person("staff/manager", {"tickets.manager"}), {}},
      {"leader approving", Person("staff/head", {"tickets.approve"}), {}},
      {"callback group", Person("staff/caller", {"tickets.callback"}), {}},
      {"SLA scanner", Scanner(), {}},
      {"a stranger", Person("staff/nobody"), {}},
      {"nobody signed in", Person(""), {}},
  };
  for (const Case& c : cases) {
    for (Rec r : EveryTicketRecord()) {
      const absl::Status status = MayRecord(r, S::kInProgress, people, c.facts);
      EXPECT_EQ(status.ok(), c.allowed.contains(r)) << c.who << " " << TicketRecordName(r) << ": " << status;
      if (!status.ok()) {
        EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied);
        EXPECT_EQ(rpc::ReasonOf(status), "CAPABILITY_MISSING");
      }
    }
  }
}

TEST(TicketActors, EachRecordIsMadeInExactlyItsStates) {
  // A supervisor who is also the assignee fits every rule's ways.
  TicketPeople people = People();
  people.assignee = "staff/leader";
  const ActorFacts leader = Person("staff/leader", {"tickets.supervisor"});
  const std::set<S> worked = {S::kRegistered, S::kCaseOpened,      S::kAssigned, S::kInProgress,
                              S::kWaitingOnCustomer, S::kEscalated, S::kPendingApproval, S::kResolved,
                              S::kCallbackPending, S::kReopened};
  // A promise runs from the case's opening to its resolution.
  const std::set<S> promised = {S::kCaseOpened,  S::kAssigned,        S::kInProgress, S::kWaitingOnCustomer,
                                S::kEscalated, S::kPendingApproval, S::kReopened};
  const std::vector<std::pair<Rec, std::set<S>>> expected = {{Rec::kUpdate, worked},
                                                             {Rec::kOnSiteArrival, worked},
                                                             {Rec::kManagerNotified, worked},
                                                             {Rec::kFollowUp, worked},
                                                             {Rec::kRenewPromise, promised}};
  ASSERT_EQ(expected.size(), EveryTicketRecord().size());
  for (const auto& [record, states] : expected) {
    for (S s : EveryTicketState()) {
      const absl::Status status = MayRecord(record, s, people, leader);
      EXPECT_EQ(status.ok(), states.contains(s)) << TicketRecordName(record) << " in " << TicketStateName(s);
      if (!status.ok()) {
        EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
        EXPECT_EQ(rpc::ReasonOf(status), "INVALID_TRANSITION");
      }
    }
  }
}

TEST(TicketActors, TheAssigneeMustHandleThePriority) {
  EXPECT_TRUE(CheckHandler(Priority::kP3, Person("staff/a", {"tickets.agent"})).ok());
  EXPECT_TRUE(CheckHandler(Priority::kP4, Person("staff/a", {"tickets.agent"})).ok());
  // A major complaint is a manager's (`000:245`); an emergency a supervisor's on site.
  EXPECT_EQ(rpc::ReasonOf(CheckHandler(Priority::kP2, Person("staff/a", {"tickets.agent"}))), "PRIORITY_NOT_HANDLED");
  EXPECT_TRUE(CheckHandler(Priority::kP2, Person("staff/m", {"tickets.manager"})).ok());
  EXPECT_EQ(rpc::ReasonOf(CheckHandler(Priority::kP1, Person("staff/m", {"tickets.manager"}))), "PRIORITY_NOT_HANDLED");
  EXPECT_TRUE(CheckHandler(Priority::kP1, Person("staff/s", {"tickets.supervisor"})).ok());
}

}  // namespace
}  // namespace huinong::tickets
