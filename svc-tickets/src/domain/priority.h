// What a request is and how urgent: its type, its severity, and the priority
// derived from both (P1 emergency … P4 consultation), with the capability in
// svc-org whose holders handle each priority. The enums mirror ticket.proto
// value for value, so the API edge converts with a cast.
//
// Guarantees: DerivePriority is total — every type and severity, the
// unspecified ones included, gives exactly one of P1–P4 — and never lower
// for a higher severity of the same type.
#pragma once

#include "absl/strings/string_view.h"

namespace huinong::tickets {

// `000:689`, `001:189`, `003:199`, `004:117`.
enum class TicketType {
  kUnspecified = 0,
  kConsultation = 1,    // 咨询
  kComplaint = 2,       // 投诉
  kGrievance = 3,       // 抱怨
  kRepair = 4,          // 报修
  kIncidentReport = 5,  // 报事
  kHelpRequest = 6,     // 求助
  kSuggestion = 7,      // 建议
  kPraise = 8,          // 表扬
  kClaim = 9,           // 索赔
  kEmergency = 10,      // 突发事件
};

// The seeds only tell simple, major and sudden apart (`000:245`, `000:391`, `000:401`).
enum class Severity { kUnspecified = 0, kSimple = 1, kMajor = 2, kSudden = 3 };

enum class Priority { kP1 = 1, kP2 = 2, kP3 = 3, kP4 = 4 };

absl::string_view TicketTypeName(TicketType type);
absl::string_view PriorityName(Priority priority);

// A complaint for every rule of svc-tickets: a complaint or the lighter
// grievance (抱怨). Never cancellable (`001:935`), closed within 3 days
// (`003:264`), called back twice after the fix (`000:865`).
bool IsComplaint(TicketType type);

//   P1 — an emergency, or anything sudden: a supervisor on site, the
//        manager informed at once (`000:401`);
//   P2 — a MAJOR complaint, grievance or claim: handled by a manager
//        (`000:245`, `000:391`);
//   P3 — any other complaint, grievance, repair, claim, incident report or
//        help request, and any other MAJOR request;
//   P4 — a consultation, suggestion or praise that is not major, and a
//        request of no stated type.
Priority DerivePriority(TicketType type, Severity severity);

// Who handles a ticket of `priority` (the capability, held through posts in
// svc-org for the ticket's unit): P1 "tickets.supervisor" (on site), P2
// "tickets.manager", P3 and P4 "tickets.agent".
absl::string_view HandlerCapability(Priority priority);

// Whether the manager must be told at once (P1).
bool ManagerMustBeNotified(Priority priority);

}  // namespace huinong::tickets
