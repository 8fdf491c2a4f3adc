// Handovers between the domain (domain/handover.h) and huinong.tickets.v1:
// CreateHandoverRequest.handover read into a draft with every bad field
// named (the sides' rules included), a handover as the API shows it, and
// its audit event.
#pragma once

#include "common/rpc/status_details.h"
#include "common/server/mutation.h"
#include "huinong/tickets/v1/handovers.pb.h"
#include "svc-tickets/src/domain/handover.h"

namespace huinong::tickets {

// The input fields (under "handover."): unit, kind, shift_label, the two
// sides, notes, and per item only ticket, note and to_staff.
Handover HandoverDraftFrom(const v1::Handover& in, rpc::Violations& v);

v1::Handover HandoverProto(const Handover& h);

// The audit event of a change ("handover"), under the handover's unit.
absl::Status RecordHandover(server::Mutation& m, const Handover* before, const Handover& after);

}  // namespace huinong::tickets
