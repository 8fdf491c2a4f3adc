// See ticket_flow.h.
#include "svc-tickets/src/domain/ticket_flow.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/rpc/status_details.h"

namespace huinong::tickets {
namespace {

using S = TicketState;
using E = TicketEvent;
using Table = domain::StateTable<S, E>;

// In the order of the flow, so the table reads as the work does.
std::vector<Table::Row> Rows() {
  std::vector<Table::Row> rows = {
      {S::kRegistered, E::kAnswerAtFirstContact, S::kAnswered},
      {S::kRegistered, E::kResolve, S::kResolved},
      {S::kRegistered, E::kOpenCase, S::kCaseOpened},
  };
  for (S s : {S::kCaseOpened, S::kReopened, S::kAssigned, S::kInProgress, S::kEscalated}) {
    rows.push_back({s, E::kAssign, S::kAssigned});
  }
  rows.push_back({S::kAssigned, E::kStartWork, S::kInProgress});
  for (S s : {S::kInProgress, S::kEscalated}) rows.push_back({s, E::kWaitForCustomer, S::kWaitingOnCustomer});
  rows.push_back({S::kWaitingOnCustomer, E::kResume, S::kInProgress});
  for (S s : {S::kCaseOpened, S::kAssigned, S::kInProgress, S::kEscalated, S::kReopened}) {
    rows.push_back({s, E::kEscalate, S::kEscalated});
  }
  for (S s : {S::kCaseOpened, S::kAssigned, S::kInProgress, S::kEscalated, S::kReopened}) {
    rows.push_back({s, E::kTransfer, S::kCaseOpened});
  }
  for (S s : {S::kInProgress, S::kEscalated}) rows.push_back({s, E::kSubmitReply, S::kPendingApproval});
  rows.push_back({S::kPendingApproval, E::kApproveReply, S::kInProgress});
  rows.push_back({S::kPendingApproval, E::kRejectReply, S::kInProgress});
  for (S s : {S::kInProgress, S::kEscalated}) rows.push_back({s, E::kResolve, S::kResolved});
  rows.push_back({S::kResolved, E::kCloseNoCallbackDue, S::kClosed});
  for (S s : {S::kResolved, S::kCallbackPending}) {
    rows.push_back({s, E::kCallbackSatisfied, S::kClosed});
    rows.push_back({s, E::kCallbackIncomplete, S::kCallbackPending});
    rows.push_back({s, E::kCallbackUnsatisfied, S::kReopened});
  }
  rows.push_back({S::kCallbackPending, E::kCloseUnreachable, S::kClosed});
  for (S s : {S::kClosed, S::kAnswered}) rows.push_back({s, E::kReopen, S::kReopened});
  for (S s : {S::kRegistered, S::kCaseOpened, S::kAssigned, S::kInProgress, S::kWaitingOnCustomer}) {
    rows.push_back({s, E::kCancel, S::kCancelled});
  }
  return rows;
}

}  // namespace

const std::vector<TicketState>& EveryTicketState() {
  static const auto* states = new std::vector<S>{
      S::kRegistered, S::kAnswered,        S::kCaseOpened, S::kAssigned, S::kInProgress,
      S::kWaitingOnCustomer, S::kEscalated, S::kPendingApproval, S::kResolved, S::kCallbackPending,
      S::kClosed,     S::kReopened,        S::kCancelled};
  return *states;
}

const std::vector<TicketEvent>& EveryTicketEvent() {
  static const auto* events = new std::vector<E>{
      E::kAnswerAtFirstContact, E::kOpenCase,          E::kAssign,           E::kStartWork,
      E::kTransfer,             E::kEscalate,          E::kWaitForCustomer,  E::kResume,
      E::kSubmitReply,          E::kApproveReply,      E::kRejectReply,      E::kResolve,
      E::kCloseNoCallbackDue,   E::kCallbackSatisfied, E::kCallbackIncomplete, E::kCallbackUnsatisfied,
      E::kCloseUnreachable,     E::kReopen,            E::kCancel};
  return *events;
}

absl::string_view TicketStateName(TicketState state) {
  switch (state) {
    case S::kRegistered: return "REGISTERED";
    case S::kAnswered: return "ANSWERED";
    case S::kCaseOpened: return "CASE_OPENED";
    case S::kAssigned: return "ASSIGNED";
    case S::kInProgress: return "IN_PROGRESS";
    case S::kWaitingOnCustomer: return "WAITING_ON_CUSTOMER";
    case S::kEscalated: return "ESCALATED";
    case S::kPendingApproval: return "PENDING_APPROVAL";
    case S::kResolved: return "RESOLVED";
    case S::kCallbackPending: return "CALLBACK_PENDING";
    case S::kClosed: return "CLOSED";
    case S::kReopened: return "REOPENED";
    case S::kCancelled: return "CANCELLED";
  }
  return "UNKNOWN";
}

absl::string_view TicketEventName(TicketEvent event) {
  switch (event) {
    case E::kAnswerAtFirstContact: return "ANSWER_AT_FIRST_CONTACT";
    case E::kOpenCase: return "OPEN_CASE";
    case E::kAssign: return "ASSIGN";
    case E::kStartWork: return "START_WORK";
    case E::kTransfer: return "TRANSFER";
    case E::kEscalate: return "ESCALATE";
    case E::kWaitForCustomer: return "WAIT_FOR_CUSTOMER";
    case E::kResume: return "RESUME";
    case E::kSubmitReply: return "SUBMIT_REPLY";
    case E::kApproveReply: return "APPROVE_REPLY";
    case E::kRejectReply: return "REJECT_REPLY";
    case E::kResolve: return "RESOLVE";
    case E::kCloseNoCallbackDue: return "CLOSE_NO_CALLBACK_DUE";
    case E::kCallbackSatisfied: return "CALLBACK_SATISFIED";
    case E::kCallbackIncomplete: return "CALLBACK_INCOMPLETE";
    case E::kCallbackUnsatisfied: return "CALLBACK_UNSATISFIED";
    case E::kCloseUnreachable: return "CLOSE_UNREACHABLE";
    case E::kReopen: return "REOPEN";
    case E::kCancel: return "CANCEL";
  }
  return "UNKNOWN";
}

const domain::StateTable<TicketState, TicketEvent>& TicketFlow() {
  static const Table* table =
      new Table("a ticket", EveryTicketState(), EveryTicketEvent(), TicketStateName, TicketEventName, Rows());
  return *table;
}

bool IsOpen(TicketState state) {
  return state != S::kAnswered && state != S::kClosed && state != S::kCancelled;
}

absl::StatusOr<TicketState> NextState(TicketState from, TicketEvent event, TicketType type) {
  if (event == E::kCancel && IsComplaint(type)) {
    return rpc::FailedPrecondition("COMPLAINT_NOT_CANCELLABLE",
                                   absl::StrCat("a ", TicketTypeName(type),
                                                " is never cancelled: it is resolved and closed, so it is counted"));
  }
  return TicketFlow().Next(from, event);
}

TicketPeople AtIntake(std::string recorder, std::string intake_unit) {
  TicketPeople people;
  people.first_responder = recorder;
  people.accountable = recorder;
  people.assignee = std::move(recorder);
  people.resolver_unit = std::move(intake_unit);
  return people;
}

TicketPeople CaseOpened(const TicketPeople& people, std::string resolver_unit) {
  TicketPeople next = people;
  next.resolver_unit = std::move(resolver_unit);
  next.assignee.clear();
  return next;
}

TicketPeople Assigned(const TicketPeople& people, std::string assignee) {
  TicketPeople next = people;
  next.assignee = std::move(assignee);
  return next;
}

absl::StatusOr<TicketPeople> Transferred(const TicketPeople& people, std::string to_unit, std::string to_assignee) {
  if (to_unit == people.resolver_unit) {
    return rpc::FailedPrecondition("NO_CHANGE", "the ticket is already with " + to_unit);
  }
  TicketPeople next = people;
  next.resolver_unit = std::move(to_unit);
  next.assignee = std::move(to_assignee);
  next.escalation_level = EscalationLevel::kAgent;
  return next;
}

absl::StatusOr<EscalationLevel> NextLevel(EscalationLevel level) {
  switch (level) {
    case EscalationLevel::kAgent: return EscalationLevel::kShiftLeader;
    case EscalationLevel::kShiftLeader: return EscalationLevel::kDepartmentHead;
    case EscalationLevel::kDepartmentHead: return EscalationLevel::kUnitAbove;
    case EscalationLevel::kUnitAbove: break;
  }
  return rpc::FailedPrecondition("TOP_LEVEL_REACHED", "the ticket is already with the unit above");
}

absl::StatusOr<TicketPeople> Escalated(const TicketPeople& people, EscalationLevel to_level, std::string holder) {
  if (people.escalation_level == EscalationLevel::kUnitAbove) return NextLevel(people.escalation_level).status();
  if (static_cast<int>(to_level) <= static_cast<int>(people.escalation_level)) {
    return rpc::InvalidField("to_level", "an escalation goes up the reporting chain, never down or sideways");
  }
  TicketPeople next = people;
  next.escalation_level = to_level;
  next.assignee = std::move(holder);
  return next;
}

TicketPeople HandedOver(const TicketPeople& people, std::string incoming, bool leave) {
  TicketPeople next = people;
  if (leave) next.accountable = incoming;
  next.assignee = std::move(incoming);
  return next;
}

}  // namespace huinong::tickets
