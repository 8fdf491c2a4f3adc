// See intake.h.
#include "svc-tickets/src/app/intake.h"

#include "absl/strings/str_cat.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/app/ticket_clocks.h"
#include "svc-tickets/src/domain/callback_rules.h"
#include "svc-tickets/src/domain/reply_approval.h"
#include "svc-tickets/src/store/customer_store.h"
#include "svc-tickets/src/store/ticket_store.h"

namespace huinong::tickets {
namespace {

// The contact's archive record. A household shares a phone, so the phone
// alone names nobody: the holder of the contact's ID number when it gives
// one; else the person of that name at that phone (whose record may not
// have an ID number yet); else a new record. A concurrent intake of the same
// person inserts first: match again.
absl::StatusOr<std::optional<Customer>> MatchContact(sql::Connection& tx, const CustomerContact& contact) {
  ASSIGN_OR_RETURN(const std::optional<Customer> by_id, store::CustomerByIdCard(tx, contact.id_card_number));
  if (by_id) return by_id;
  ASSIGN_OR_RETURN(const std::optional<Customer> by_name,
                   store::CustomerByPhoneAndName(tx, contact.phone, contact.display_name));
  if (by_name && !by_name->id_card_number.empty() && !contact.id_card_number.empty()) {
    return rpc::InvalidField("ticket.contact.id_card_number",
                             absl::StrCat("customers/", by_name->id, " of this name at this phone has another ID number"));
  }
  return by_name;
}

absl::StatusOr<Customer> ArchiveCustomer(server::Mutation& m, const CustomerContact& contact) {
  ASSIGN_OR_RETURN(std::optional<Customer> match, MatchContact(m.tx(), contact));
  if (match) return *match;
  const Customer created = CustomerFromContact(contact, NewUlid(), m.now());
  ASSIGN_OR_RETURN(const bool inserted, store::InsertCustomerIfNew(m.tx(), created));
  if (inserted) return created;
  ASSIGN_OR_RETURN(match, MatchContact(m.tx(), contact));
  if (match) return *match;
  return absl::AbortedError("the customer was archived concurrently; retry");
}

}  // namespace

absl::StatusOr<Ticket> RegisterTicket(server::Mutation& m, const TicketDesk& desk, Ticket t) {
  OrgView& org = desk.org;
  const std::string unit = org_directory::CallerUnitId(m.caller());
  if (unit.empty()) return rpc::PermissionDenied("the caller's token names no unit to take requests for");
  RETURN_IF_ERROR(org_directory::RequireCapability(org, m.caller(), kAgent, unit, m.today()));
  const std::string staff = org_directory::StaffIdOf(m.caller());

  if (!t.customer_id.empty()) {
    ASSIGN_OR_RETURN(const std::optional<Customer> named, store::GetCustomer(m.tx(), t.customer_id));
    if (!named) return rpc::NotFound(rpc::FormatName("customers", t.customer_id));
    t.contact = {named->display_name, named->phone, named->id_card_number, named->tier};
  } else {
    ASSIGN_OR_RETURN(const Customer archived, ArchiveCustomer(m, t.contact));
    t.customer_id = archived.id;
  }
  std::optional<Ticket> original;
  if (!t.follow_up_of.empty()) {
    ASSIGN_OR_RETURN(original, store::LockTicket(m.tx(), t.follow_up_of));
    if (!original) return rpc::NotFound(rpc::FormatName("tickets", t.follow_up_of));
    RETURN_IF_ERROR(RequireTicketReadable(org, m.caller(), *original));
  }

  t.id = NewUlid();
  t.intake_unit = unit;
  ASSIGN_OR_RETURN(t.intake_path, UnitPath(org, unit));
  t.resolver_path = t.intake_path;
  t.people = AtIntake(staff, unit);
  t.state = TicketState::kRegistered;
  ASSIGN_OR_RETURN(const SlaPolicy policy, DeriveHandling(m.tx(), t));
  t.create_time = t.update_time = m.now();
  t.version = 1;
  RETURN_IF_ERROR(store::InsertTicket(m.tx(), t));

  TicketActivity entry;
  entry.ticket_id = t.id;
  entry.kind = ActivityKind::kRegistered;
  entry.actor = staff;
  entry.time = m.now();
  entry.target = rpc::FormatName("units", unit);
  entry.request_id = m.request_id();
  RETURN_IF_ERROR(store::InsertFirstActivity(m.tx(), entry));
  if (original) {
    // Listing a follow-up is no change of the original's handling: its
    // etag stays, so nobody working it is turned away.
    const Ticket before = *original;
    original->follow_ups.push_back(t.id);
    RETURN_IF_ERROR(store::UpdateTicket(m.tx(), *original));
    RETURN_IF_ERROR(desk.record(m, before, *original));
  }
  RETURN_IF_ERROR(StartClocks(m.tx(), org, t, policy, entry, m.now(), desk.zone));
  RETURN_IF_ERROR(desk.record(m, std::nullopt, t));
  return t;
}

}  // namespace huinong::tickets
