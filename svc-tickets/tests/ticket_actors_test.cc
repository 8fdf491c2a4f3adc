// Who may act, for every event: each event has one rule, and the people the
// issue names — the first responder, the accountable person, the assignee,
// supervisors, the approving leader, the callback group, the SLA scanner —
// are let in exactly where the rules say.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/rpc/status_details.h"
#include "svc-tickets/src/domain/ticket_actors.h"

namespace huinong::tickets {
namespace {

using E = TicketEvent;

ActorFacts Person(std::string staff, std::vector<std::string> capabilities = {}) {
  ActorFacts facts;
  facts.staff = std::move(staff);
  for (std::string& c : capabilities) facts.capabilities.insert(std::move(c));
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
