// A borrower as svc-loans keeps it: who it is (name, unit, identity number
// or credit code, contacts, account) around the BorrowerProfile the lending
// rules read. Identity numbers, phones and account numbers are personal
// data: the API must mask them in logs and audit events and show them in
// clear only to the borrower's intake and bank staff (issue 10, item 5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/domain/document_ref.h"
#include "svc-loans/src/domain/borrower.h"

namespace huinong::loans {

struct SettlementAccount {
  std::string bank;            // the cooperating bank's code; empty: none yet
  std::string account_number;  // personal data
  std::string holder_name;
};

// The last credit check: its day (stale after 180 days at contract) and
// report. The verdicts themselves are in the BorrowerProfile.
struct CreditCheck {
  std::optional<absl::CivilDay> checked_date;
  domain::DocumentRef report;
};

struct Borrower {
  std::string id;
  std::string unit_id;  // a village, or the township of a leading enterprise
  // Where the unit stood in svc-org's tree when the borrower was placed
  // there, so a township or the county lists its borrowers without asking
  // svc-org for every village.
  std::string township_id;
  std::string county_id;
  std::string display_name;
  // People (households, family farms).
  std::string id_card_number;  // GB 11643; unique among borrowers
  std::string phone;
  std::string poverty_registration_number;  // 建档立卡 number, while registered
  int household_size = 0;
  // Organisations.
  std::string credit_code;  // unified social credit code; unique among borrowers
  std::string legal_representative;
  // Registered, licensed and tax-paying each; the profile's `registered`
  // is all three (000:1491).
  bool business_registered = false;
  bool licensed = false;
  bool tax_paying = false;
  domain::DocumentRef leading_enterprise_qualification;  // the profile's flag: one is held
  int poor_households_lifted = 0;
  CreditCheck credit;
  SettlementAccount account;
  std::string blacklist_entry_id;  // the active entry while profile.blacklisted
  BorrowerProfile profile;  // type, birth date, registrations, credit, organisation facts
  int64_t version = 1;      // the etag
  absl::Time create_time;
  absl::Time update_time;
};

// Every field of the record that breaks a rule, as (field, description) named
// as the API names them: the display name (1–200 bytes); for a person a valid
// identity number (canonical: a capital X) whose birth date is the record's,
// and registrations in order, each lifted after it began; for an
// organisation a valid credit code (GB 32100) and counts not below zero.
std::vector<std::pair<std::string, std::string>> BorrowerViolations(const Borrower& borrower);

}  // namespace huinong::loans
