// See ticket_access.h.
#include "svc-tickets/src/app/ticket_access.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/core/status_macros.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/store/ticket_store.h"

namespace huinong::tickets {

absl::StatusOr<std::string> UnitPath(OrgView& org, const std::string& unit_id) {
  ASSIGN_OR_RETURN(const org_directory::UnitLineage lineage, org.Lineage(unit_id));
  std::string path;
  for (const org_directory::UnitLink& link : lineage.chain) absl::StrAppend(&path, link.id, "/");
  return path;
}

absl::StatusOr<bool> SeesPersonalDataWhole(OrgView& org, const auth::Principal& caller,
                                           const std::vector<std::string>& units, absl::CivilDay day) {
  if (!org_directory::MayReadPersonalData(caller)) return false;
  const std::string staff = org_directory::StaffIdOf(caller);
  std::string asked;
  for (const std::string& unit : units) {
    if (unit.empty() || unit == asked) continue;
    asked = unit;
    ASSIGN_OR_RETURN(const bool held, org.Holds(staff, std::string(kAgent), unit, day));
    if (held) return true;
  }
  return false;
}

absl::StatusOr<std::vector<std::string>> ReadScope(OrgView& org, const auth::Principal& caller) {
  if (org_directory::ReadsAll(caller)) return std::vector<std::string>();
  const std::string unit = org_directory::CallerUnitId(caller);
  if (unit.empty()) return rpc::PermissionDenied("the caller's token names no unit to act for");
  absl::StatusOr<std::string> path = UnitPath(org, unit);
  if (absl::IsNotFound(path.status())) {
    return rpc::PermissionDenied(absl::StrCat("the caller's unit ", caller.unit, " does not exist"));
  }
  if (!path.ok()) return path.status();
  return std::vector<std::string>{*path};
}

absl::Status RequireTicketReadable(OrgView& org, const auth::Principal& caller, const Ticket& ticket) {
  if (org_directory::ReadsAll(caller)) return absl::OkStatus();
  const std::string unit = org_directory::CallerUnitId(caller);
  if (unit.empty()) return rpc::PermissionDenied("the caller's token names no unit to act for");
  // The units' chains as svc-org has them now (cached), not as stored: a
  // unit moved in svc-org takes its tickets with it.
  for (const std::string& owner : {ticket.intake_unit, ticket.people.resolver_unit}) {
    absl::StatusOr<org_directory::UnitLineage> lineage = org.Lineage(owner);
    if (lineage.ok() && lineage->Within(unit)) return absl::OkStatus();
    if (!lineage.ok() && !absl::IsNotFound(lineage.status())) return lineage.status();
  }
  return rpc::PermissionDenied(absl::StrCat(caller.unit, " does not cover tickets/", ticket.id));
}

absl::StatusOr<Ticket> ReadableTicket(OrgView& org, const auth::Principal& caller, sql::Connection& conn,
                                      const std::string& id) {
  ASSIGN_OR_RETURN(const std::optional<Ticket> t, store::GetTicket(conn, id));
  if (!t) return rpc::NotFound(rpc::FormatName("tickets", id));
  RETURN_IF_ERROR(RequireTicketReadable(org, caller, *t));
  return *t;
}

absl::StatusOr<ActorFacts> ActorFactsOf(OrgView& org, const auth::Principal& caller, const std::string& unit_id,
                                        absl::CivilDay day, bool scanner) {
  ActorFacts facts;
  facts.staff = org_directory::StaffIdOf(caller);
  facts.scanner = scanner;
  if (facts.scanner || !org_directory::NamesStaffMember(caller) || unit_id.empty()) return facts;
  for (absl::string_view capability : {kAgent, kSupervisor, kManager, kApprove, kCallbackGroup}) {
    ASSIGN_OR_RETURN(const bool held, org.Holds(facts.staff, std::string(capability), unit_id, day));
    if (held) facts.capabilities.insert(std::string(capability));
  }
  return facts;
}

absl::StatusOr<ActorFacts> ActorFactsOf(OrgView& org, const auth::Principal& caller, const Ticket& ticket,
                                        absl::CivilDay day, bool scanner) {
  ASSIGN_OR_RETURN(ActorFacts facts, ActorFactsOf(org, caller, ticket.people.resolver_unit, day, scanner));
  if (ticket.intake_unit == ticket.people.resolver_unit) {
    facts.intake_capabilities = facts.capabilities;
  } else {
    ASSIGN_OR_RETURN(const ActorFacts intake, ActorFactsOf(org, caller, ticket.intake_unit, day, scanner));
    facts.intake_capabilities = intake.capabilities;
  }
  return facts;
}

}  // namespace huinong::tickets
