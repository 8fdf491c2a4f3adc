// See write_off.h.
#include "svc-loans/src/domain/write_off.h"

namespace huinong::loans {

absl::string_view WriteOffStateName(WriteOffState state) {
  switch (state) {
    case WriteOffState::kNone: return "NONE";
    case WriteOffState::kRequested: return "REQUESTED";
    case WriteOffState::kApproved: return "APPROVED";
    case WriteOffState::kRejected: return "REJECTED";
  }
  return "UNKNOWN";
}

absl::string_view WriteOffEventName(WriteOffEvent event) {
  switch (event) {
    case WriteOffEvent::kRequest: return "REQUEST";
    case WriteOffEvent::kApprove: return "APPROVE";
    case WriteOffEvent::kReject: return "REJECT";
  }
  return "UNKNOWN";
}

const domain::StateTable<WriteOffState, WriteOffEvent>& WriteOffFlow() {
  using S = WriteOffState;
  using E = WriteOffEvent;
  static const auto* table = new domain::StateTable<S, E>(
      "a write-off", {S::kNone, S::kRequested, S::kApproved, S::kRejected},
      {E::kRequest, E::kApprove, E::kReject}, WriteOffStateName, WriteOffEventName,
      {
          {S::kNone, E::kRequest, S::kRequested},
          {S::kRequested, E::kApprove, S::kApproved},
          {S::kRequested, E::kReject, S::kRejected},
          {S::kRejected, E::kRequest, S::kRequested},
      });
  return *table;
}

}  // namespace huinong::loans
