// SQL of the customer archive (migration 0001 `customers`).
//
// Guarantees: phone and ID number are each unique; InsertCustomerIfNew
// never fails on a concurrent insert of the same phone — it inserts nothing
// and the caller matches again (the row the other transaction committed).
#pragma once

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "svc-tickets/src/domain/customer.h"

namespace sql {
class Connection;
}

namespace huinong::tickets::store {

absl::StatusOr<std::optional<Customer>> GetCustomer(sql::Connection& conn, const std::string& id);
// The customer with this phone, else with this ID number (when given).
absl::StatusOr<std::optional<Customer>> MatchCustomer(sql::Connection& conn, const std::string& phone,
                                                      const std::string& id_card_number);
// Whether the row was inserted (false: the phone or ID number is taken).
absl::StatusOr<bool> InsertCustomerIfNew(sql::Connection& conn, const Customer& c);

}  // namespace huinong::tickets::store
