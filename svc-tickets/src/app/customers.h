// The customer archive's use cases (issue 12 item 8; `001:201`, `001:247`):
// one record per customer, kept accurate and confidential.
//
// Decisions, in one place:
// - A customer belongs to their home unit. A record created without one is
//   placed in the creator's unit; a record intake created from a contact
//   has none and belongs to the county (the root unit).
// - Scope (reads): admin, auditor and service accounts see every customer;
//   staff see the customers whose home unit is their unit or below it, plus
//   the customers with a ticket in their scope (ticket_access.h); county
//   staff also those without a home unit. Otherwise PERMISSION_DENIED.
// - Personal data (phone, ID number, address) is whole only for a holder of
//   tickets.agent for the home unit (for the county, without one); masked
//   for everyone else, and always in lists and audit events (the API layer).
// - Writes: tickets.agent for the home unit — for an update, for the unit
//   before and, when it moves, after.
// - A name at a phone is unique, and so is the ID number when set:
//   ALREADY_EXISTS / CUSTOMER_EXISTS naming the fields and the customer
//   holding them.
// Each function runs in the caller's transaction or read; nothing is
// written when a check fails.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "common/auth/principal.h"
#include "common/server/mutation.h"
#include "svc-tickets/src/app/ticket_access.h"
#include "svc-tickets/src/domain/customer.h"

namespace sql {
class Connection;
}

namespace huinong::tickets {

// A customer with what their tickets say of them.
struct CustomerRecord {
  Customer customer;
  CustomerContactHistory history;
};

// What the caller reads: every customer (`all`), else the customers placed
// under `paths` or with a ticket there, and the unplaced ones when
// `unplaced` (county staff).
struct CustomerScope {
  bool all = false;
  std::vector<std::string> paths;
  bool unplaced = false;
};
absl::StatusOr<CustomerScope> CustomerScopeOf(OrgView& org, const auth::Principal& caller);

// The customer `id` with their history, if the caller may read it
// (NOT_FOUND, PERMISSION_DENIED).
absl::StatusOr<CustomerRecord> ReadableCustomer(OrgView& org, const auth::Principal& caller, sql::Connection& conn,
                                                const std::string& id);

// Whether the caller sees the customer's personal data whole.
absl::StatusOr<bool> SeesPersonalData(OrgView& org, const auth::Principal& caller, const Customer& c,
                                      absl::CivilDay day);

// What the customers' tickets say of them, in the order given.
absl::StatusOr<std::vector<CustomerRecord>> WithHistories(sql::Connection& conn, std::vector<Customer> customers);

// A new record from `draft` (the API's checked fields).
absl::StatusOr<CustomerRecord> CreateCustomer(server::Mutation& m, OrgView& org, Customer draft);

// The record `id` at `etag` (ABORTED when stale) changed by `edit` (the
// update mask's fields); the new home unit's path is looked up here.
absl::StatusOr<CustomerRecord> UpdateCustomer(server::Mutation& m, OrgView& org, const std::string& id,
                                              const std::string& etag, const std::function<void(Customer&)>& edit,
                                              Customer* before);

}  // namespace huinong::tickets
