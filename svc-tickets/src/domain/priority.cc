// See priority.h.
#include "svc-tickets/src/domain/priority.h"

namespace huinong::tickets {

absl::string_view TicketTypeName(TicketType type) {
  switch (type) {
    case TicketType::kUnspecified: return "UNSPECIFIED";
    case TicketType::kConsultation: return "CONSULTATION";
    case TicketType::kComplaint: return "COMPLAINT";
    case TicketType::kGrievance: return "GRIEVANCE";
    case TicketType::kRepair: return "REPAIR";
    case TicketType::kIncidentReport: return "INCIDENT_REPORT";
    case TicketType::kHelpRequest: return "HELP_REQUEST";
    case TicketType::kSuggestion: return "SUGGESTION";
    case TicketType::kPraise: return "PRAISE";
    case TicketType::kClaim: return "CLAIM";
    case TicketType::kEmergency: return "EMERGENCY";
  }
  return "UNKNOWN";
}

absl::string_view PriorityName(Priority priority) {
  switch (priority) {
    case Priority::kP1: return "P1";
    case Priority::kP2: return "P2";
    case Priority::kP3: return "P3";
    case Priority::kP4: return "P4";
  }
  return "UNKNOWN";
}

bool IsComplaint(TicketType type) { return type == TicketType::kComplaint || type == TicketType::kGrievance; }

namespace {

// Types whose requests want something done (P3 when simple).
bool AsksForAction(TicketType type) {
  switch (type) {
    case TicketType::kComplaint:
    case TicketType::kGrievance:
    case TicketType::kRepair:
    case TicketType::kIncidentReport:
    case TicketType::kHelpRequest:
    case TicketType::kClaim:
      return true;
    default:
      return false;
  }
}

}  // namespace

Priority DerivePriority(TicketType type, Severity severity) {
  if (type == TicketType::kEmergency || severity == Severity::kSudden) return Priority::kP1;
  if (severity == Severity::kMajor) {
    return IsComplaint(type) || type == TicketType::kClaim ? Priority::kP2 : Priority::kP3;
  }
  return AsksForAction(type) ? Priority::kP3 : Priority::kP4;
}

absl::string_view HandlerCapability(Priority priority) {
  switch (priority) {
    case Priority::kP1: return "tickets.supervisor";
    case Priority::kP2: return "tickets.manager";
    case Priority::kP3:
    case Priority::kP4: break;
  }
  return "tickets.agent";
}

bool ManagerMustBeNotified(Priority priority) { return priority == Priority::kP1; }

}  // namespace huinong::tickets
