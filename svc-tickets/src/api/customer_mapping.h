// Customers between the domain (domain/customer.h) and huinong.tickets.v1:
// a request's customer read into a record with every bad field named, the
// update mask's fields, and a record as the API shows it — phone, ID number
// and address whole only when `personal_visible` (app/customers.h decides),
// masked otherwise and always in lists and audit events.
#pragma once

#include <functional>
#include <set>
#include <string>

#include "common/rpc/status_details.h"
#include "common/server/mutation.h"
#include "huinong/tickets/v1/customers.pb.h"
#include "svc-tickets/src/app/customers.h"

namespace huinong::tickets {

// The input fields of `in`, named under `prefix` ("customer"); output-only
// fields are ignored.
Customer CustomerFrom(const v1::Customer& in, const std::string& prefix, rpc::Violations& v);

// The paths UpdateCustomer's mask may name.
const std::set<std::string>& CustomerUpdatableFields();
// The edit setting the fields named in `paths` from `in`; only those
// fields' violations are added to `v`.
std::function<void(Customer&)> CustomerEdit(const v1::Customer& in, const std::set<std::string>& paths,
                                            rpc::Violations& v);

v1::Customer CustomerProto(const CustomerRecord& r, bool personal_visible);

// The audit event of a change ("customer"), personal data masked, under
// the home unit.
absl::Status RecordCustomer(server::Mutation& m, const Customer* before, const CustomerRecord& after);

}  // namespace huinong::tickets
