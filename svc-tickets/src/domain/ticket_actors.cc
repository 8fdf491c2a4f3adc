// See ticket_actors.h.
#include "svc-tickets/src/domain/ticket_actors.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"

namespace huinong::tickets {
namespace {

using E = TicketEvent;
using R = Relation;
using S = TicketState;
using Rec = TicketRecord;

constexpr ActorWay kByFirstResponder{R::kFirstResponder, ""};
constexpr ActorWay kByAccountable{R::kAccountable, ""};
constexpr ActorWay kByAssignee{R::kAssignee, ""};
constexpr ActorWay kByScanner{R::kScanner, ""};
constexpr ActorWay kBySupervisor{R::kAnyone, kSupervisor};

std::string Describe(const ActorWay& way) {
  switch (way.relation) {
    case R::kFirstResponder: return "the first responder";
    case R::kAccountable: return "the person accountable";
    case R::kAssignee: return "the assignee";
    case R::kScanner: return "the SLA scanner";
    case R::kAnyone: break;
  }
  return absl::StrCat("a holder of ", way.capability,
                      way.unit == CapabilityUnit::kResolverOrIntake ? " for the resolver or intake unit" : "");
}

bool Holds(const ActorWay& way, const ActorFacts& actor) {
  if (way.capability.empty() || actor.capabilities.contains(way.capability)) return true;
  return way.unit == CapabilityUnit::kResolverOrIntake && actor.intake_capabilities.contains(way.capability);
}

bool Fits(const ActorWay& way, const TicketPeople& people, const ActorFacts& actor) {
  if (!Holds(way, actor)) return false;
  switch (way.relation) {
    case R::kAnyone: return true;
    case R::kFirstResponder: return !actor.staff.empty() && actor.staff == people.first_responder;
    case R::kAccountable: return !actor.staff.empty() && actor.staff == people.accountable;
    case R::kAssignee: return !actor.staff.empty() && actor.staff == people.assignee;
    case R::kScanner: return actor.scanner;
  }
  return false;
}

// OK when one of `ways` fits; else CAPABILITY_MISSING naming them for `what`.
absl::Status MayUse(const std::vector<ActorWay>& ways, absl::string_view what, const TicketPeople& people,
                    const ActorFacts& actor) {
  std::vector<std::string> described;
  for (const ActorWay& way : ways) {
    if (Fits(way, people, actor)) return absl::OkStatus();
    described.push_back(Describe(way));
  }
  return rpc::WithReason(rpc::PermissionDenied(absl::StrCat(what, " on this ticket is for ",
                                                            absl::StrJoin(described, ", or "))),
                         "CAPABILITY_MISSING");
}

// Every state in which the ticket is still worked: not ANSWERED, CLOSED or
// CANCELLED.
std::vector<S> OpenStates() {
  std::vector<S> open;
  for (S s : EveryTicketState()) {
    if (IsOpen(s)) open.push_back(s);
  }
  return open;
}

}  // namespace

const std::vector<ActorRule>& ActorRules() {
  static const auto* rules = new std::vector<ActorRule>{
      {E::kAnswerAtFirstContact, {kByFirstResponder}},
      {E::kOpenCase, {kByFirstResponder, kBySupervisor}},
      // A supervisor assigns; a holder of the priority's capability may take
      // it themselves (AssignTicket checks the assignee with CheckHandler).
      {E::kAssign, {kBySupervisor, {R::kAnyone, kAgent}, {R::kAnyone, kManager}}},
      {E::kStartWork, {kByAssignee}},
      {E::kTransfer, {kByAssignee, kByAccountable, kBySupervisor}},
      {E::kEscalate, {kByAssignee, kByAccountable, kBySupervisor, kByScanner}},
      {E::kWaitForCustomer, {kByAssignee, kByAccountable}},
      {E::kResume, {kByAssignee, kByAccountable, kBySupervisor}},
      {E::kSubmitReply, {kByAssignee}},
      {E::kApproveReply, {{R::kAnyone, kApprove}}},
      {E::kRejectReply, {{R::kAnyone, kApprove}}},
      {E::kResolve, {kByAssignee}},
      {E::kCloseNoCallbackDue, {kByAssignee}},
      {E::kCallbackSatisfied, {{R::kAnyone, kCallbackGroup}}},
      {E::kCallbackIncomplete, {{R::kAnyone, kCallbackGroup}}},
      {E::kCallbackUnsatisfied, {{R::kAnyone, kCallbackGroup}}},
      {E::kCloseUnreachable, {kBySupervisor}},
      {E::kReopen, {kBySupervisor}},
      {E::kCancel, {kBySupervisor}},
  };
  return *rules;
}

const ActorRule& RuleFor(TicketEvent event) {
  for (const ActorRule& rule : ActorRules()) {
    if (rule.event == event) return rule;
  }
  std::abort();  // every event has a rule: the test over every event proves it
}

absl::Status MayAct(TicketEvent event, const TicketPeople& people, const ActorFacts& actor) {
  return MayUse(RuleFor(event).ways, TicketEventName(event), people, actor);
}

absl::string_view TicketRecordName(TicketRecord record) {
  switch (record) {
    case Rec::kUpdate: return "UPDATE";
    case Rec::kOnSiteArrival: return "ON_SITE_ARRIVAL";
    case Rec::kManagerNotified: return "MANAGER_NOTIFIED";
    case Rec::kFollowUp: return "FOLLOW_UP";
    case Rec::kRenewPromise: return "RENEW_PROMISE";
  }
  return "UNKNOWN";
}

const std::vector<TicketRecord>& EveryTicketRecord() {
  static const auto* records = new std::vector<Rec>{Rec::kUpdate, Rec::kOnSiteArrival, Rec::kManagerNotified,
                                                    Rec::kFollowUp, Rec::kRenewPromise};
  return *records;
}

const std::vector<RecordRule>& RecordRules() {
  constexpr CapabilityUnit kEither = CapabilityUnit::kResolverOrIntake;
  static const auto* rules = new std::vector<RecordRule>{
      {Rec::kUpdate, {kByAccountable, kByAssignee, kBySupervisor}, OpenStates()},
      // Someone of the station that took the emergency, or of the unit
      // working it, is on site.
      {Rec::kOnSiteArrival, {{R::kAnyone, kAgent, kEither}, {R::kAnyone, kSupervisor, kEither}}, OpenStates()},
      {Rec::kManagerNotified, {kByFirstResponder, kByAssignee, kBySupervisor}, OpenStates()},
      {Rec::kFollowUp, {kByAssignee, kByAccountable}, OpenStates()},
      // A promise runs from the case's opening to its resolution (promise.h).
      {Rec::kRenewPromise,
       {kByAssignee, kByAccountable},
       {S::kCaseOpened, S::kAssigned, S::kInProgress, S::kWaitingOnCustomer, S::kEscalated, S::kPendingApproval,
        S::kReopened}},
  };
  return *rules;
}

const RecordRule& RuleFor(TicketRecord record) {
  for (const RecordRule& rule : RecordRules()) {
    if (rule.record == record) return rule;
  }
  std::abort();  // every record has a rule: the test over every record proves it
}

absl::Status MayRecord(TicketRecord record, TicketState state, const TicketPeople& people, const ActorFacts& actor) {
  const RecordRule& rule = RuleFor(record);
  RETURN_IF_ERROR(MayUse(rule.ways, TicketRecordName(record), people, actor));
  std::vector<std::string> states;
  for (S s : rule.states) {
    if (s == state) return absl::OkStatus();
    states.emplace_back(TicketStateName(s));
  }
  return rpc::FailedPrecondition("INVALID_TRANSITION",
                                 absl::StrCat("a ticket in state ", TicketStateName(state), " takes no ",
                                              TicketRecordName(record), " (only in ", absl::StrJoin(states, ", "),
                                              ")"));
}

absl::Status CheckHandler(Priority priority, const ActorFacts& assignee) {
  const absl::string_view needed = HandlerCapability(priority);
  if (assignee.capabilities.contains(needed)) return absl::OkStatus();
  return rpc::FailedPrecondition("PRIORITY_NOT_HANDLED", absl::StrCat("a ", PriorityName(priority),
                                                                      " ticket is handled by a holder of ", needed));
}

}  // namespace huinong::tickets
