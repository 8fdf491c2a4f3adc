// SQL of tickets and their timeline (migration 0001). Functions take the
// connection of the caller's transaction or read; they let exceptions
// through to the pool (a deadlock is retried there).
//
// Guarantees: LockTicket takes the row lock every change of a ticket takes
// first, so two changes of one ticket run one after the other; UpdateTicket
// writes the version given (the caller bumps it for a person's change and
// leaves it for the scanner's); activities are numbered 1, 2, … per ticket
// in the order appended.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "svc-tickets/src/domain/ticket.h"

namespace sql {
class Connection;
}

namespace huinong::tickets::store {

// The condition on `state` of an open ticket (domain/ticket_flow.h IsOpen:
// not ANSWERED, CLOSED or CANCELLED), for every query that counts or lists
// open tickets; a test checks it against IsOpen over every state.
inline constexpr char kOpenStateSql[] = "state NOT IN (2, 11, 13)";

// Inserts the ticket and sets its seq (the reference number's counter).
absl::Status InsertTicket(sql::Connection& conn, Ticket& t);
absl::Status UpdateTicket(sql::Connection& conn, const Ticket& t);
absl::StatusOr<std::optional<Ticket>> GetTicket(sql::Connection& conn, const std::string& id);
// The ticket, locked until the transaction ends.
absl::StatusOr<std::optional<Ticket>> LockTicket(sql::Connection& conn, const std::string& id);

struct TicketQuery {
  // Scope: rows whose intake or resolver path starts with one of these
  // ("root/…/unit/"); empty means the whole county.
  std::vector<std::string> scope_paths;
  int state = 0;
  bool open_only = false;
  int priority = 0;
  int type = 0;
  int channel = 0;
  std::string resolver_path_prefix;  // resolver_unit filter ("…/unit/"; with subtree a prefix)
  bool resolver_exact = false;
  std::string intake_path_prefix;
  bool intake_exact = false;
  std::string assignee, first_responder, accountable, customer_id, follow_up_of;
  std::string related_service, related_name;
  int sla_state = 0;
  std::optional<absl::Time> created_from, created_to;
  std::string after_id;
  int limit = 51;
};
absl::StatusOr<std::vector<Ticket>> ListTickets(sql::Connection& conn, const TicketQuery& q);

// Whether the SLA scanner escalated the ticket after the last entry a
// person made (it then waits for someone to act before escalating again).
absl::StatusOr<bool> AutoEscalatedSincePersonActed(sql::Connection& conn, const std::string& ticket_id);

// Appends `a` as the ticket's next activity (sets a.seq).
absl::Status AppendActivity(sql::Connection& conn, TicketActivity& a);
// Writes `a` as the first activity of a ticket inserted in this transaction
// (a.seq = 1, nothing before it to count).
absl::Status InsertFirstActivity(sql::Connection& conn, TicketActivity& a);
absl::StatusOr<std::vector<TicketActivity>> ListActivities(sql::Connection& conn, const std::string& ticket_id,
                                                           int after_seq, int limit);

}  // namespace huinong::tickets::store
