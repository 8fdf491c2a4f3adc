// A customer of the archive (issue 12 item 8; `001:201`, `001:247`): one
// record per person, matched at intake by phone, then by ID number. Phone,
// ID number and address are personal data: whole only in the record itself
// for holders of tickets.agent, masked in every log, event and list.
#pragma once

#include <string>

#include "absl/time/time.h"
#include "svc-tickets/src/domain/ticket.h"

namespace huinong::tickets {

struct Customer {
  std::string id;
  std::string display_name;
  std::string phone;
  std::string id_card_number;
  std::string address;
  std::string unit_id;  // home unit (usually a village); empty when unknown
  CustomerTier tier = CustomerTier::kUnspecified;
  bool do_not_call = false;
  std::string borrower;  // "borrowers/{id}" in svc-loans
  std::string note;
  int64_t version = 0;
  absl::Time create_time;
  absl::Time update_time;
};

// The archive record an intake contact creates when none matches.
Customer CustomerFromContact(const CustomerContact& contact, std::string id, absl::Time now);

}  // namespace huinong::tickets
