// See sla_policy.h.
#include "svc-tickets/src/domain/sla_policy.h"

namespace huinong::tickets {

SlaPolicy SeedPolicy(TicketType type, Priority priority) {
  SlaPolicy p;
  p.reply = SlaTarget::Days(2);
  p.follow_up_gap = SlaTarget::Days(2);
  if (IsComplaint(type)) p.complaint_closure = SlaTarget::Days(3);
  switch (priority) {
    case Priority::kP1:
      p.all_day = true;
      p.first_response = SlaTarget::Time(absl::Minutes(15));
      p.manager_notification = SlaTarget::Time(absl::Minutes(15));
      p.on_site = SlaTarget::Time(absl::Hours(1));
      p.resolution = SlaTarget::Time(absl::Hours(24));
      break;
    case Priority::kP2:
      p.first_response = SlaTarget::Time(absl::Hours(2));
      p.resolution = SlaTarget::Days(3);
      break;
    case Priority::kP3:
      p.first_response = SlaTarget::Time(absl::Hours(4));
      p.resolution = SlaTarget::Days(5);
      break;
    case Priority::kP4:
      p.first_response = SlaTarget::Days(1);
      p.resolution = SlaTarget::Days(5);
      break;
  }
  switch (type) {
    case TicketType::kConsultation:
    case TicketType::kSuggestion:
    case TicketType::kPraise:
      p.callbacks_required = 0;
      break;
    default:
      p.callbacks_required = IsComplaint(type) ? 2 : 1;
      p.callback = SlaTarget::Days(3);
      break;
  }
  return p;
}

int AtRiskBasisPoints(const SlaPolicy& policy) {
  return policy.at_risk_bp >= 1 && policy.at_risk_bp <= 9999 ? policy.at_risk_bp : 8000;
}

}  // namespace huinong::tickets
