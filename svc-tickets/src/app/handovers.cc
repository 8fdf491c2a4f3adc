// See handovers.h.
#include "svc-tickets/src/app/handovers.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/domain/ticket_actors.h"
#include "svc-tickets/src/store/clock_store.h"
#include "svc-tickets/src/store/handover_store.h"
#include "svc-tickets/src/store/ticket_store.h"

namespace huinong::tickets {
namespace {

// More open tickets than one person could hand over is a sign of a
// mistake (a unit handed over whole), not a list to write.
constexpr int kMostTicketsListed = 500;

absl::Status RequireKnown(OrgView& org, const std::vector<std::string>& staff) {
  for (const std::string& s : staff) {
    absl::StatusOr<std::string> name = org.StaffDisplayName(s);
    if (absl::IsNotFound(name.status())) return rpc::NotFound(rpc::FormatName("staff", s));
    RETURN_IF_ERROR(name.status());
  }
  return absl::OkStatus();
}

absl::Status RequireInUnit(OrgView& org, const std::vector<std::string>& staff, const std::string& unit,
                           absl::CivilDay day) {
  for (const std::string& s : staff) {
    ASSIGN_OR_RETURN(bool in_unit, org.Holds(s, std::string(kAgent), unit, day));
    if (!in_unit) {
      ASSIGN_OR_RETURN(in_unit, org.Holds(s, std::string(kSupervisor), unit, day));
    }
    if (!in_unit) {
      return rpc::FailedPrecondition("NOT_IN_UNIT", absl::StrCat("staff/", s, " holds neither tickets.agent nor",
                                                                 " tickets.supervisor for units/", unit));
    }
  }
  return absl::OkStatus();
}

// The earliest due time among the ticket's clocks still running.
absl::StatusOr<std::optional<absl::Time>> NextDue(sql::Connection& conn, const std::string& ticket_id) {
  ASSIGN_OR_RETURN(const std::vector<store::ClockRecord> clocks, store::LoadClocks(conn, ticket_id));
  std::optional<absl::Time> next;
  for (const store::ClockRecord& r : clocks) {
    const Clock& c = r.watched.clock;
    const bool running = !c.stop && (c.state == ClockState::kRunning || c.state == ClockState::kAtRisk ||
                                     c.state == ClockState::kBreached);
    if (running && (!next || c.due < *next)) next = c.due;
  }
  return next;
}

// Every open ticket under `h.unit_path` assigned or accountable to an
// outgoing person, by id.
absl::StatusOr<std::map<std::string, Ticket>> OpenTicketsOf(sql::Connection& conn, const Handover& h) {
  std::map<std::string, Ticket> found;
  for (const std::string& person : h.outgoing) {
    for (const bool accountable : {false, true}) {
      store::TicketQuery q;
      q.scope_paths = {h.unit_path};
      q.open_only = true;
      (accountable ? q.accountable : q.assignee) = person;
      q.limit = kMostTicketsListed + 1;
      ASSIGN_OR_RETURN(std::vector<Ticket> rows, store::ListTickets(conn, q));
      for (Ticket& t : rows) found.emplace(t.id, std::move(t));
    }
  }
  if (static_cast<int>(found.size()) > kMostTicketsListed) {
    return rpc::FailedPrecondition("TOO_MANY_TICKETS",
                                   absl::StrCat("more than ", kMostTicketsListed, " open tickets to hand over"));
  }
  return found;
}

TicketStep HandOverStep(const Handover& h, const HandoverItem& item, const std::string& acknowledger) {
  return {std::nullopt, ActivityKind::kHandedOver, [&h, item, acknowledger](StepContext& c) -> absl::Status {
            const TicketPeople next = CarriedOver(h, item, c.ticket.people, acknowledger);
            c.activity.source = c.ticket.people.assignee.empty() ? "" : rpc::FormatName("staff", c.ticket.people.assignee);
            c.activity.target = rpc::FormatName("staff", next.assignee);
            c.activity.note = item.note;
            c.ticket.people = next;
            return absl::OkStatus();
          }};
}

}  // namespace

absl::StatusOr<Handover> CreateHandover(server::Mutation& m, const TicketDesk& desk, Handover h) {
  OrgView& org = desk.org;
  absl::StatusOr<std::string> path = UnitPath(org, h.unit_id);
  if (absl::IsNotFound(path.status())) return rpc::NotFound(rpc::FormatName("units", h.unit_id));
  RETURN_IF_ERROR(path.status());
  h.unit_path = *path;
  const std::string staff = org_directory::StaffIdOf(m.caller());
  if (!IsOutgoing(h, staff)) {
    RETURN_IF_ERROR(org_directory::RequireCapability(org, m.caller(), kSupervisor, h.unit_id, m.today()));
  }
  RETURN_IF_ERROR(RequireKnown(org, h.outgoing));
  RETURN_IF_ERROR(RequireKnown(org, h.incoming));
  RETURN_IF_ERROR(RequireInUnit(org, h.incoming, h.unit_id, m.today()));

  ASSIGN_OR_RETURN(const auto open, OpenTicketsOf(m.tx(), h));
  std::map<std::string, HandoverItem> asked;
  for (size_t i = 0; i < h.items.size(); ++i) {
    const HandoverItem& item = h.items[i];
    if (!open.contains(item.ticket_id)) {
      ASSIGN_OR_RETURN(const std::optional<Ticket> t, store::GetTicket(m.tx(), item.ticket_id));
      if (!t) return rpc::NotFound(rpc::FormatName("tickets", item.ticket_id));
      return rpc::InvalidField(absl::StrCat("handover.items[", i, "].ticket"),
                               "not an open ticket of the outgoing staff in the unit");
    }
    asked[item.ticket_id] = item;
  }
  h.items.clear();
  for (const auto& [id, t] : open) {
    HandoverItem item = asked.contains(id) ? asked[id] : HandoverItem{};
    item.ticket_id = id;
    item.state = t.state;
    item.priority = t.priority;
    item.summary = t.summary;
    ASSIGN_OR_RETURN(item.next_due_time, NextDue(m.tx(), id));
    h.items.push_back(std::move(item));
  }
  h.id = NewUlid();
  h.state = HandoverState::kPending;
  h.created_by = staff;
  h.create_time = m.now();
  h.version = 1;
  RETURN_IF_ERROR(store::InsertHandover(m.tx(), h));
  return h;
}

absl::StatusOr<Handover> AcknowledgeHandover(server::Mutation& m, const TicketDesk& desk, const std::string& id,
                                             const std::string& etag, const std::string& note, Handover* before) {
  const std::string name = rpc::FormatName("handovers", id);
  ASSIGN_OR_RETURN(std::optional<Handover> found, store::LockHandover(m.tx(), id));
  if (!found) return rpc::NotFound(name);
  Handover& h = *found;
  RETURN_IF_ERROR(rpc::CheckEtag(etag, h.version, name));
  const std::string staff = org_directory::StaffIdOf(m.caller());
  RETURN_IF_ERROR(CheckAcknowledge(h, staff));
  *before = h;
  for (const HandoverItem& item : h.items) {
    // Locked here and again by ChangeTicket (the same transaction): a
    // ticket closed since the handover was made stays as it is.
    ASSIGN_OR_RETURN(const std::optional<Ticket> t, store::LockTicket(m.tx(), item.ticket_id));
    if (!t || !IsOpen(t->state)) continue;
    RETURN_IF_ERROR(
        ChangeTicket(m, desk, item.ticket_id, rpc::Etag(t->version), HandOverStep(h, item, staff)).status());
  }
  h.state = HandoverState::kAcknowledged;
  h.acknowledged_by = staff;
  h.acknowledge_time = m.now();
  h.acknowledgement_note = note;
  ++h.version;
  RETURN_IF_ERROR(store::UpdateHandover(m.tx(), h));
  return h;
}

absl::StatusOr<Handover> ReadableHandover(OrgView& org, const auth::Principal& caller, sql::Connection& conn,
                                          const std::string& id, absl::CivilDay day) {
  ASSIGN_OR_RETURN(const std::optional<Handover> h, store::GetHandover(conn, id));
  if (!h) return rpc::NotFound(rpc::FormatName("handovers", id));
  if (org_directory::ReadsAll(caller) || IsPerson(*h, org_directory::StaffIdOf(caller))) return *h;
  RETURN_IF_ERROR(org_directory::RequireCapability(org, caller, kSupervisor, h->unit_id, day));
  return *h;
}

absl::StatusOr<HandoverScope> HandoverScopeOf(OrgView& org, const auth::Principal& caller) {
  HandoverScope scope;
  if (org_directory::ReadsAll(caller)) return scope;
  ASSIGN_OR_RETURN(scope.paths, ReadScope(org, caller));
  scope.person = org_directory::StaffIdOf(caller);
  return scope;
}

}  // namespace huinong::tickets
