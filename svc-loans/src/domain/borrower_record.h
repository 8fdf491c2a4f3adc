// A borrower as svc-loans keeps it: who it is (name, unit, identity number
// or credit code, contacts, account) around the BorrowerProfile the lending
// rules read. Identity numbers, phones and account numbers are personal
// data: masked in logs and audit events, in clear only to the borrower's
// intake and bank staff.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/time.h"
#include "svc-loans/src/domain/borrower.h"

namespace huinong::loans {

struct SettlementAccount {
  std::string bank;            // the cooperating bank's code; empty: none yet
  std::string account_number;  // personal data
  std::string holder_name;
};

struct Borrower {
  std::string id;
  std::string unit_id;  // a village, or the township of a leading enterprise
  std::string display_name;
  // People (households, family farms).
  std::string id_card_number;  // GB 11643; unique among borrowers
  std::string phone;
  std::string poverty_registration_number;  // 建档立卡 number, while registered
  int household_size = 0;
  // Organisations.
  std::string credit_code;  // unified social credit code; unique among borrowers
  std::string legal_representative;
  SettlementAccount account;
  BorrowerProfile profile;  // type, birth date, registrations, credit, organisation facts
  int64_t version = 1;      // the etag
  absl::Time create_time;
  absl::Time update_time;
};

// Every field of the record that breaks a rule, as (field, description) named
// as the API names them: the display name (1–200 bytes); for a person a valid
// identity number whose birth date is the record's, and registrations in
// order, each lifted after it began; for an organisation an 18-character
// credit code and counts not below zero.
std::vector<std::pair<std::string, std::string>> BorrowerViolations(const Borrower& borrower);

}  // namespace huinong::loans
