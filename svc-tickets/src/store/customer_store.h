// SQL of the customer archive (migrations 0001 `customers`, 0002 its unit
// path and borrower columns, 0005 the person at a phone).
//
// Guarantees: a name at a phone is unique, and so is the ID number when
// set; InsertCustomerIfNew never fails on a concurrent insert of the same
// person — it inserts nothing and the caller matches again (the row the
// other transaction committed).
// UpdateCustomer writes the version given (the caller bumps it).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "svc-tickets/src/domain/customer.h"

namespace sql {
class Connection;
}

namespace huinong::tickets::store {

absl::StatusOr<std::optional<Customer>> GetCustomer(sql::Connection& conn, const std::string& id);
// The customer, locked until the transaction ends.
absl::StatusOr<std::optional<Customer>> LockCustomer(sql::Connection& conn, const std::string& id);
// The holder of this ID number (none when it is empty).
absl::StatusOr<std::optional<Customer>> CustomerByIdCard(sql::Connection& conn, const std::string& id_card_number);
// The customer of this name at this phone (a household shares a phone: the
// phone alone names nobody).
absl::StatusOr<std::optional<Customer>> CustomerByPhoneAndName(sql::Connection& conn, const std::string& phone,
                                                               const std::string& display_name);
// The customer other than `except_id` of this name at this phone / holding
// this ID number.
absl::StatusOr<std::optional<std::string>> CustomerWithPhoneAndName(sql::Connection& conn, const std::string& phone,
                                                                    const std::string& display_name,
                                                                    const std::string& except_id);
absl::StatusOr<std::optional<std::string>> CustomerWithIdCard(sql::Connection& conn, const std::string& id_card_number,
                                                              const std::string& except_id);
// Whether the row was inserted (false: the name at the phone or the ID
// number is taken).
absl::StatusOr<bool> InsertCustomerIfNew(sql::Connection& conn, const Customer& c);
absl::Status UpdateCustomer(sql::Connection& conn, const Customer& c);

struct CustomerQuery {
  // Scope: customers whose home unit path starts with one of these, or who
  // have a ticket whose intake or resolver path does; `unplaced` also those
  // without a home unit. Empty paths and `unplaced`: every customer.
  std::vector<std::string> scope_paths;
  bool unplaced = false;
  std::string phone, id_card_number, display_name_prefix, borrower;
  std::string unit_path_prefix;  // "…/unit/"; exact unless subtree
  bool unit_exact = false;
  int tier = 0;
  std::string after_id;
  int limit = 51;
};
absl::StatusOr<std::vector<Customer>> ListCustomers(sql::Connection& conn, const CustomerQuery& q);

// Whether some ticket of the customer has its intake or resolver path under
// one of `paths`.
absl::StatusOr<bool> HasTicketUnder(sql::Connection& conn, const std::string& customer_id,
                                    const std::vector<std::string>& paths);

// What the tickets say of each customer (absent: no ticket).
absl::StatusOr<std::map<std::string, CustomerContactHistory>> ContactHistories(
    sql::Connection& conn, const std::vector<std::string>& customer_ids);

}  // namespace huinong::tickets::store
