// See ticket_actors.h.
#include "svc-tickets/src/domain/ticket_actors.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/rpc/status_details.h"

namespace huinong::tickets {
namespace {

using E = TicketEvent;
using R = Relation;

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
  return absl::StrCat("a holder of ", way.capability);
}

bool Fits(const ActorWay& way, const TicketPeople& people, const ActorFacts& actor) {
  if (!way.capability.empty() && !actor.capabilities.contains(way.capability)) return false;
  switch (way.relation) {
    case R::kAnyone: return true;
    case R::kFirstResponder: return !actor.staff.empty() && actor.staff == people.first_responder;
    case R::kAccountable: return !actor.staff.empty() && actor.staff == people.accountable;
    case R::kAssignee: return !actor.staff.empty() && actor.staff == people.assignee;
    case R::kScanner: return actor.scanner;
  }
  return false;
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
  const ActorRule& rule = RuleFor(event);
  std::vector<std::string> ways;
  for (const ActorWay& way : rule.ways) {
    if (Fits(way, people, actor)) return absl::OkStatus();
    ways.push_back(Describe(way));
  }
  return rpc::WithReason(rpc::PermissionDenied(absl::StrCat(TicketEventName(event), " on this ticket is for ",
                                                            absl::StrJoin(ways, ", or "))),
                         "CAPABILITY_MISSING");
}

absl::Status CheckHandler(Priority priority, const ActorFacts& assignee) {
  const absl::string_view needed = HandlerCapability(priority);
  if (assignee.capabilities.contains(needed)) return absl::OkStatus();
  return rpc::FailedPrecondition("PRIORITY_NOT_HANDLED", absl::StrCat("a ", PriorityName(priority),
                                                                      " ticket is handled by a holder of ", needed));
}

}  // namespace huinong::tickets
