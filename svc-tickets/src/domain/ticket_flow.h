// The ticket's lifecycle as one declarative table of (state, event) → state
// (item 3 of issue 12; printed whole in docs/state-machines.md):
//
//   REGISTERED --ANSWER_AT_FIRST_CONTACT--> ANSWERED         (no callback due)
//   REGISTERED --RESOLVE--> RESOLVED                        (at first contact, callback due)
//   REGISTERED --OPEN_CASE--> CASE_OPENED                   (promised reply ≤ 48 h, 001:1093)
//   CASE_OPENED | REOPENED | ASSIGNED | IN_PROGRESS | ESCALATED --ASSIGN--> ASSIGNED
//   ASSIGNED --START_WORK--> IN_PROGRESS
//   IN_PROGRESS | ESCALATED --WAIT_FOR_CUSTOMER--> WAITING_ON_CUSTOMER --RESUME--> IN_PROGRESS
//   CASE_OPENED | ASSIGNED | IN_PROGRESS | ESCALATED | REOPENED --ESCALATE--> ESCALATED
//   CASE_OPENED | ASSIGNED | IN_PROGRESS | ESCALATED | REOPENED --TRANSFER--> CASE_OPENED
//   IN_PROGRESS | ESCALATED --SUBMIT_REPLY--> PENDING_APPROVAL
//   PENDING_APPROVAL --APPROVE_REPLY | REJECT_REPLY--> IN_PROGRESS
//   IN_PROGRESS | ESCALATED --RESOLVE--> RESOLVED
//   RESOLVED --CLOSE_NO_CALLBACK_DUE--> CLOSED
//   RESOLVED | CALLBACK_PENDING --CALLBACK_SATISFIED--> CLOSED
//   RESOLVED | CALLBACK_PENDING --CALLBACK_INCOMPLETE--> CALLBACK_PENDING
//   RESOLVED | CALLBACK_PENDING --CALLBACK_UNSATISFIED--> REOPENED
//   CALLBACK_PENDING --CLOSE_UNREACHABLE--> CLOSED
//   CLOSED | ANSWERED --REOPEN--> REOPENED
//   REGISTERED | CASE_OPENED | ASSIGNED | IN_PROGRESS | WAITING_ON_CUSTOMER --CANCEL--> CANCELLED
//
// Which callback event an attempt is, and when closing without one is
// allowed, are callback_rules.h; who may fire each event is ticket_actors.h.
// The table knows nothing of types; CheckCancel adds the one type rule of
// the lifecycle: a complaint is never cancelled (`001:935`).
//
// The people of a ticket (TicketPeople) change only through the functions
// below, and none of them changes the first responder (首问负责制,
// `001:1223`, `002:60`): transfers, escalations and handovers move the work,
// never the accountability recorded at intake.
#pragma once

#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "common/domain/state_table.h"
#include "svc-tickets/src/domain/priority.h"

namespace huinong::tickets {

// Values as TicketState in ticket.proto.
enum class TicketState {
  kRegistered = 1,
  kAnswered = 2,
  kCaseOpened = 3,
  kAssigned = 4,
  kInProgress = 5,
  kWaitingOnCustomer = 6,
  kEscalated = 7,
  kPendingApproval = 8,
  kResolved = 9,
  kCallbackPending = 10,
  kClosed = 11,
  kReopened = 12,
  kCancelled = 13,
};

enum class TicketEvent {
  kAnswerAtFirstContact = 1,
  kOpenCase = 2,
  kAssign = 3,
  kStartWork = 4,
  kTransfer = 5,
  kEscalate = 6,
  kWaitForCustomer = 7,
  kResume = 8,
  kSubmitReply = 9,
  kApproveReply = 10,
  kRejectReply = 11,
  kResolve = 12,
  kCloseNoCallbackDue = 13,
  kCallbackSatisfied = 14,
  kCallbackIncomplete = 15,
  kCallbackUnsatisfied = 16,
  kCloseUnreachable = 17,
  kReopen = 18,
  kCancel = 19,
};

absl::string_view TicketStateName(TicketState state);
absl::string_view TicketEventName(TicketEvent event);
// Every state and every event, in declaration order.
const std::vector<TicketState>& EveryTicketState();
const std::vector<TicketEvent>& EveryTicketEvent();

const domain::StateTable<TicketState, TicketEvent>& TicketFlow();

// Open: not ANSWERED, CLOSED or CANCELLED (ANSWERED and CLOSED may still be
// reopened; CANCELLED never).
bool IsOpen(TicketState state);

// The table's move, plus: CANCEL on a complaint is FAILED_PRECONDITION /
// COMPLAINT_NOT_CANCELLABLE whatever the state.
absl::StatusOr<TicketState> NextState(TicketState from, TicketEvent event, TicketType type);

// Who answers for a ticket and who works it. Staff and units are resource
// names ("staff/{id}", "units/{id}").
enum class EscalationLevel { kAgent = 0, kShiftLeader = 1, kDepartmentHead = 2, kUnitAbove = 3 };

struct TicketPeople {
  std::string first_responder;  // set at intake, never changed
  std::string accountable;      // the first responder, or their leave handover's colleague
  std::string resolver_unit;
  std::string assignee;  // empty until assigned
  EscalationLevel escalation_level = EscalationLevel::kAgent;
};

// At intake: the recording staff member is first responder, accountable and
// assignee (they answer or resolve at first contact), their unit the
// resolver unit.
TicketPeople AtIntake(std::string recorder, std::string intake_unit);
// A case opened in `resolver_unit` (the intake unit or another): waiting for
// that unit to name a resolver.
TicketPeople CaseOpened(const TicketPeople& people, std::string resolver_unit);
// A resolver named in the current resolver unit.
TicketPeople Assigned(const TicketPeople& people, std::string assignee);
// A transfer to another unit (optionally to a person there): the work moves,
// the escalation level starts again at the agent, accountability stays.
// FAILED_PRECONDITION / NO_CHANGE for the same unit.
absl::StatusOr<TicketPeople> Transferred(const TicketPeople& people, std::string to_unit, std::string to_assignee);
// One level up (or to `to_level`), the holder there (from svc-org's
// reporting chain) becoming the assignee. INVALID_ARGUMENT for a level not
// above the current one; FAILED_PRECONDITION / TOP_LEVEL_REACHED above the
// unit above.
absl::StatusOr<TicketPeople> Escalated(const TicketPeople& people, EscalationLevel to_level, std::string holder);
// The next level above `level`, or TOP_LEVEL_REACHED.
absl::StatusOr<EscalationLevel> NextLevel(EscalationLevel level);
// A handover acknowledged: the incoming person works the ticket; for a
// leave handover they also answer for it. The first responder stays on record.
TicketPeople HandedOver(const TicketPeople& people, std::string incoming, bool leave);

}  // namespace huinong::tickets
