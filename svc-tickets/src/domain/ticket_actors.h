// Who may fire each event of the ticket's table, and who may make each
// record that moves no state (an intake correction, on-site arrival, the
// manager told, a follow-up, a renewed promise), as data (issue 12 items 2,
// 3 and 6): a capability held through posts in svc-org for the ticket's
// resolver unit (or, where a way says so, its intake unit), and/or a
// relation to the ticket (its first responder, the person accountable, the
// assignee), and/or the SLA scanner. A record's rule also lists the states
// it may be made in. ChangeTicket gathers the facts (ActorFacts: which
// capabilities svc-org grants the caller for the two units) and asks MayAct
// or MayRecord; nothing here does I/O.
//
// Guarantees: every event of TicketFlow and every TicketRecord has exactly
// one rule (a test walks them all); MayAct / MayRecord is OK exactly when
// one of the rule's ways applies (PERMISSION_DENIED / CAPABILITY_MISSING
// naming the ways otherwise) and, for a record, the ticket is in one of its
// states (FAILED_PRECONDITION / INVALID_TRANSITION otherwise).
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
// For which unit the capability counts: the resolver unit, or either of the
// resolver and the intake unit (someone of the station that took an
// emergency may be the one on site).
enum class CapabilityUnit { kResolver, kResolverOrIntake };

struct ActorWay {
  Relation relation;
  absl::string_view capability;
  CapabilityUnit unit = CapabilityUnit::kResolver;
};

struct ActorRule {
  TicketEvent event;
  std::vector<ActorWay> ways;  // any one suffices
};

// The rules, one per event, in TicketFlow's event order.
const std::vector<ActorRule>& ActorRules();
const ActorRule& RuleFor(TicketEvent event);

// The changes of a ticket that are no event of the table: they move no
// state (UpdateTicket, RecordOnSiteArrival, RecordManagerNotified,
// RecordFollowUp, RenewPromise).
enum class TicketRecord { kUpdate = 1, kOnSiteArrival = 2, kManagerNotified = 3, kFollowUp = 4, kRenewPromise = 5 };

absl::string_view TicketRecordName(TicketRecord record);
const std::vector<TicketRecord>& EveryTicketRecord();

struct RecordRule {
  TicketRecord record;
  std::vector<ActorWay> ways;       // any one suffices
  std::vector<TicketState> states;  // the states it may be made in
};

// The rules, one per record, in TicketRecord order.
const std::vector<RecordRule>& RecordRules();
const RecordRule& RuleFor(TicketRecord record);

// What the caller is: their staff name, whether they are the SLA scanner's
// service account, and the tickets.* capabilities svc-org grants them for
// the ticket's resolver unit and for its intake unit.
struct ActorFacts {
  std::string staff;
  bool scanner = false;
  absl::flat_hash_set<std::string> capabilities;
  absl::flat_hash_set<std::string> intake_capabilities;
};

absl::Status MayAct(TicketEvent event, const TicketPeople& people, const ActorFacts& actor);
absl::Status MayRecord(TicketRecord record, TicketState state, const TicketPeople& people, const ActorFacts& actor);

// The person named to work a ticket must hold the capability its priority
// needs (HandlerCapability): FAILED_PRECONDITION / PRIORITY_NOT_HANDLED.
absl::Status CheckHandler(Priority priority, const ActorFacts& assignee);

}  // namespace huinong::tickets
