// See handover.h.
#include "svc-tickets/src/domain/handover.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"

namespace huinong::tickets {
namespace {

bool Contains(const std::vector<std::string>& list, const std::string& staff) {
  return std::find(list.begin(), list.end(), staff) != list.end();
}

void CheckSide(HandoverKind kind, const std::vector<std::string>& side, const std::string& field,
               rpc::Violations& v) {
  if (side.empty()) v.Add(field, "required: at least one person");
  if (kind == HandoverKind::kLeave && side.size() > 1) v.Add(field, "a leave handover has one person on each side");
  if (std::set<std::string>(side.begin(), side.end()).size() != side.size()) v.Add(field, "a person listed twice");
}

}  // namespace

void CheckSides(HandoverKind kind, const std::vector<std::string>& outgoing,
                const std::vector<std::string>& incoming, const std::string& prefix, rpc::Violations& v) {
  CheckSide(kind, outgoing, absl::StrCat(prefix, ".outgoing_staff"), v);
  CheckSide(kind, incoming, absl::StrCat(prefix, ".incoming_staff"), v);
  for (const std::string& staff : incoming) {
    if (Contains(outgoing, staff)) {
      v.Add(absl::StrCat(prefix, ".incoming_staff"), absl::StrCat("staff/", staff, " is also outgoing"));
    }
  }
}

bool IsOutgoing(const Handover& h, const std::string& staff) { return Contains(h.outgoing, staff); }
bool IsIncoming(const Handover& h, const std::string& staff) { return Contains(h.incoming, staff); }
bool IsPerson(const Handover& h, const std::string& staff) { return IsOutgoing(h, staff) || IsIncoming(h, staff); }

absl::Status CheckAcknowledge(const Handover& h, const std::string& staff) {
  if (h.state != HandoverState::kPending) {
    return rpc::FailedPrecondition("INVALID_TRANSITION", "the handover is already acknowledged");
  }
  if (staff.empty() || !IsIncoming(h, staff)) {
    return rpc::WithReason(rpc::PermissionDenied("only one of the incoming staff acknowledges a handover"),
                           "NOT_INCOMING_STAFF");
  }
  return absl::OkStatus();
}

TicketPeople CarriedOver(const Handover& h, const HandoverItem& item, const TicketPeople& people,
                         const std::string& acknowledger) {
  const bool leave = h.kind == HandoverKind::kLeave && IsOutgoing(h, people.accountable);
  return HandedOver(people, item.to_staff.empty() ? acknowledger : item.to_staff, leave);
}

}  // namespace huinong::tickets
