// Who may fire each event of the ticket's table, as data (issue 12 items 2,
// 3 and 6): a capability held through posts in svc-org for the ticket's
// unit, and/or a relation to the ticket (its first responder, the person
// accountable, the assignee), and/or the SLA scanner. The API layer gathers
// the facts (ActorFacts: which capabilities svc-org grants the caller for
// the unit) and asks MayAct; nothing here does I/O.
//
// Guarantees: every event of TicketFlow has exactly one rule (a test walks
// them all); MayAct is OK exactly when one of the rule's ways applies, and
// otherwise PERMISSION_DENIED / CAPABILITY_MISSING naming the ways.
#pragma once

#include <string>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "svc-tickets/src/domain/priority.h"
#include "svc-tickets/src/domain/ticket_flow.h"

namespace huinong::tickets {

inline constexpr absl::string_view kAgent = "tickets.agent";
inline constexpr absl::string_view kSupervisor = "tickets.supervisor";
inline constexpr absl::string_view kManager = "tickets.manager";
inline constexpr absl::string_view kApprove = "tickets.approve";
inline constexpr absl::string_view kCallbackGroup = "tickets.callback";

// One way to be allowed: holding `capability` (empty: none needed), being
// in the `relation` to the ticket (kAnyone: no relation needed), or being
// the SLA scanner.
enum class Relation { kAnyone, kFirstResponder, kAccountable, kAssignee, kScanner };

struct ActorWay {
  Relation relation;
  absl::string_view capability;
};

struct ActorRule {
  TicketEvent event;
  std::vector<ActorWay> ways;  // any one suffices
};

// The rules, one per event, in TicketFlow's event order.
const std::vector<ActorRule>& ActorRules();
const ActorRule& RuleFor(TicketEvent event);

// What the caller is: their staff name, whether they are the SLA scanner's
// service account, and the tickets.* capabilities svc-org grants them for
// the ticket's unit.
struct ActorFacts {
  std::string staff;
  bool scanner = false;
  absl::flat_hash_set<std::string> capabilities;
};

absl::Status MayAct(TicketEvent event, const TicketPeople& people, const ActorFacts& actor);

// The person named to work a ticket must hold the capability its priority
// needs (HandlerCapability): FAILED_PRECONDITION / PRIORITY_NOT_HANDLED.
absl::Status CheckHandler(Priority priority, const ActorFacts& assignee);

}  // namespace huinong::tickets
