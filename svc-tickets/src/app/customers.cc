// See customers.h.
#include "svc-tickets/src/app/customers.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/core/ids.h"
#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/domain/ticket_actors.h"
#include "svc-tickets/src/store/customer_store.h"

namespace huinong::tickets {
namespace {

// The unit whose tickets.agent answers for the customer: the home unit, or
// the county (the root of the caller's tree) for a customer without one.
absl::StatusOr<std::string> AnsweringUnit(OrgView& org, const auth::Principal& caller, const Customer& c) {
  if (!c.unit_id.empty()) return c.unit_id;
  const std::string unit = org_directory::CallerUnitId(caller);
  if (unit.empty()) return std::string();
  ASSIGN_OR_RETURN(const org_directory::UnitLineage lineage, org.Lineage(unit));
  return lineage.chain.empty() ? std::string() : lineage.chain.front().id;
}

absl::Status RequireAgentFor(server::Mutation& m, OrgView& org, const Customer& c) {
  ASSIGN_OR_RETURN(const std::string unit, AnsweringUnit(org, m.caller(), c));
  return org_directory::RequireCapability(org, m.caller(), kAgent, unit, m.today());
}

// The home unit's path; INVALID_ARGUMENT on `field` for a unit svc-org does
// not know.
absl::StatusOr<std::string> HomePath(OrgView& org, const std::string& unit_id, const std::string& field) {
  if (unit_id.empty()) return std::string();
  absl::StatusOr<std::string> path = UnitPath(org, unit_id);
  if (absl::IsNotFound(path.status())) return rpc::InvalidField(field, absl::StrCat("no unit units/", unit_id));
  return path;
}

// ALREADY_EXISTS / CUSTOMER_EXISTS naming each unique field another
// customer holds, and that customer: the ID number, and the name at the
// phone (a household shares a phone, so the phone alone is no one's).
absl::Status CheckUnique(sql::Connection& tx, const Customer& c) {
  std::vector<std::string> taken;
  ASSIGN_OR_RETURN(const std::optional<std::string> by_phone,
                   store::CustomerWithPhoneAndName(tx, c.phone, c.display_name, c.id));
  if (by_phone) {
    taken.push_back(absl::StrCat("customer.phone, customer.display_name: the same person at customers/", *by_phone));
  }
  ASSIGN_OR_RETURN(const std::optional<std::string> by_id, store::CustomerWithIdCard(tx, c.id_card_number, c.id));
  if (by_id) taken.push_back(absl::StrCat("customer.id_card_number: held by customers/", *by_id));
  if (taken.empty()) return absl::OkStatus();
  return rpc::AlreadyExists("CUSTOMER_EXISTS", absl::StrJoin(taken, "; "));
}

absl::StatusOr<CustomerRecord> WithHistory(sql::Connection& conn, Customer c) {
  ASSIGN_OR_RETURN(std::vector<CustomerRecord> one, WithHistories(conn, {std::move(c)}));
  return std::move(one.front());
}

}  // namespace

absl::StatusOr<CustomerScope> CustomerScopeOf(OrgView& org, const auth::Principal& caller) {
  CustomerScope scope;
  if (org_directory::ReadsAll(caller)) {
    scope.all = true;
    return scope;
  }
  ASSIGN_OR_RETURN(scope.paths, ReadScope(org, caller));
  ASSIGN_OR_RETURN(const org_directory::UnitLineage lineage, org.Lineage(org_directory::CallerUnitId(caller)));
  scope.unplaced = lineage.chain.size() == 1;
  return scope;
}

absl::StatusOr<CustomerRecord> ReadableCustomer(OrgView& org, const auth::Principal& caller, sql::Connection& conn,
                                                const std::string& id) {
  ASSIGN_OR_RETURN(const std::optional<Customer> c, store::GetCustomer(conn, id));
  if (!c) return rpc::NotFound(rpc::FormatName("customers", id));
  ASSIGN_OR_RETURN(const CustomerScope scope, CustomerScopeOf(org, caller));
  bool readable = scope.all || (scope.unplaced && c->unit_path.empty());
  for (const std::string& p : scope.paths) {
    if (!c->unit_path.empty() && absl::StartsWith(c->unit_path, p)) readable = true;
  }
  if (!readable) {
    ASSIGN_OR_RETURN(readable, store::HasTicketUnder(conn, id, scope.paths));
  }
  if (!readable) return rpc::PermissionDenied(absl::StrCat(caller.unit, " does not cover customers/", id));
  return WithHistory(conn, *c);
}

absl::StatusOr<bool> SeesPersonalData(OrgView& org, const auth::Principal& caller, const Customer& c,
                                      absl::CivilDay day) {
  if (!org_directory::MayReadPersonalData(caller)) return false;  // before asking svc-org for a unit
  ASSIGN_OR_RETURN(const std::string unit, AnsweringUnit(org, caller, c));
  return SeesPersonalDataWhole(org, caller, {unit}, day);
}

absl::StatusOr<std::vector<CustomerRecord>> WithHistories(sql::Connection& conn, std::vector<Customer> customers) {
  std::vector<std::string> ids;
  for (const Customer& c : customers) ids.push_back(c.id);
  ASSIGN_OR_RETURN(const auto histories, store::ContactHistories(conn, ids));
  std::vector<CustomerRecord> out;
  for (Customer& c : customers) {
    auto it = histories.find(c.id);
    out.push_back({std::move(c), it == histories.end() ? CustomerContactHistory{} : it->second});
  }
  return out;
}

absl::StatusOr<CustomerRecord> CreateCustomer(server::Mutation& m, OrgView& org, Customer c) {
  if (c.unit_id.empty()) {
    c.unit_id = org_directory::CallerUnitId(m.caller());
    if (c.unit_id.empty()) return rpc::PermissionDenied("the caller's token names no unit to place the customer in");
  }
  ASSIGN_OR_RETURN(c.unit_path, HomePath(org, c.unit_id, "customer.unit"));
  RETURN_IF_ERROR(RequireAgentFor(m, org, c));
  c.id = NewUlid();
  c.version = 1;
  c.create_time = c.update_time = m.now();
  RETURN_IF_ERROR(CheckUnique(m.tx(), c));
  ASSIGN_OR_RETURN(const bool inserted, store::InsertCustomerIfNew(m.tx(), c));
  // Another transaction archived the same person since the check.
  if (!inserted) RETURN_IF_ERROR(CheckUnique(m.tx(), c));
  if (!inserted) return absl::AbortedError("the same person (name at phone, or ID number) was archived concurrently; retry");
  return WithHistory(m.tx(), std::move(c));
}

absl::StatusOr<CustomerRecord> UpdateCustomer(server::Mutation& m, OrgView& org, const std::string& id,
                                              const std::string& etag, const std::function<void(Customer&)>& edit,
                                              Customer* before) {
  const std::string name = rpc::FormatName("customers", id);
  ASSIGN_OR_RETURN(std::optional<Customer> found, store::LockCustomer(m.tx(), id));
  if (!found) return rpc::NotFound(name);
  RETURN_IF_ERROR(RequireAgentFor(m, org, *found));
  RETURN_IF_ERROR(rpc::CheckEtag(etag, found->version, name));
  *before = *found;
  Customer& c = *found;
  edit(c);
  if (c.unit_id != before->unit_id) {
    ASSIGN_OR_RETURN(c.unit_path, HomePath(org, c.unit_id, "customer.unit"));
    RETURN_IF_ERROR(RequireAgentFor(m, org, c));
  }
  RETURN_IF_ERROR(CheckUnique(m.tx(), c));
  ++c.version;
  c.update_time = m.now();
  RETURN_IF_ERROR(store::UpdateCustomer(m.tx(), c));
  return WithHistory(m.tx(), std::move(c));
}

}  // namespace huinong::tickets
