// A shift handover (issue 12 item 7; `001:1675`, `003:69`, `004:41`): the
// outgoing shift's open tickets listed for the incoming shift, who
// acknowledge the record; then the open items carry over. A person going on
// leave hands over the same way, to one colleague (`001:1077`). Pure rules;
// the use cases are app/handovers.h.
//
// Guarantees: CheckSides names every bad side at once; a handover is
// acknowledged once, by one of its incoming people; carrying a ticket over
// moves its assignee (and, on leave, the accountable person where the
// person leaving was accountable) and never its first responder
// (HandedOver, ticket_flow.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "common/rpc/status_details.h"
#include "svc-tickets/src/domain/ticket_flow.h"

namespace huinong::tickets {

// Values as HandoverKind / HandoverState in handovers.proto.
enum class HandoverKind { kUnspecified = 0, kShift = 1, kLeave = 2 };
enum class HandoverState { kUnspecified = 0, kPending = 1, kAcknowledged = 2 };

// One open ticket listed, as it stood when the handover was created.
struct HandoverItem {
  std::string ticket_id;
  TicketState state = TicketState::kRegistered;
  Priority priority = Priority::kP4;
  std::string summary;
  std::optional<absl::Time> next_due_time;
  std::string note;
  std::string to_staff;  // staff id among the incoming; empty: the acknowledger
};

struct Handover {
  std::string id;
  std::string unit_id;
  std::string unit_path;  // root/…/unit/
  HandoverKind kind = HandoverKind::kUnspecified;
  std::string shift_label;
  std::vector<std::string> outgoing;  // staff ids
  std::vector<std::string> incoming;
  std::vector<HandoverItem> items;
  std::string notes;
  HandoverState state = HandoverState::kPending;
  std::string created_by;
  absl::Time create_time;
  std::string acknowledged_by;
  std::optional<absl::Time> acknowledge_time;
  std::string acknowledgement_note;
  int64_t version = 0;
};

// The sides of a new handover, each a list of staff ids: neither empty, one
// person each for LEAVE, nobody on both sides or twice on one; violations
// named under `prefix` ("handover").
void CheckSides(HandoverKind kind, const std::vector<std::string>& outgoing,
                const std::vector<std::string>& incoming, const std::string& prefix, rpc::Violations& v);

bool IsOutgoing(const Handover& h, const std::string& staff);
bool IsIncoming(const Handover& h, const std::string& staff);
bool IsPerson(const Handover& h, const std::string& staff);

// PENDING and `staff` one of the incoming: FAILED_PRECONDITION /
// INVALID_TRANSITION for an acknowledged handover; PERMISSION_DENIED /
// NOT_INCOMING_STAFF for anyone else.
absl::Status CheckAcknowledge(const Handover& h, const std::string& staff);

// The ticket's people once `acknowledger` has acknowledged: the item's
// to_staff (or the acknowledger) works it; on LEAVE, where the person
// leaving answered for it, the colleague now does.
TicketPeople CarriedOver(const Handover& h, const HandoverItem& item, const TicketPeople& people,
                         const std::string& acknowledger);

}  // namespace huinong::tickets
