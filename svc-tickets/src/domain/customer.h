// A customer of the archive (issue 12 item 8; `001:201`, `001:247`): one
// record per person, matched at intake by ID number, else by name at the
// phone (a household shares a phone). Phone,
// ID number and address are personal data: whole only in the record itself
// for holders of tickets.agent for the home unit, masked in every log,
// event and list.
#pragma once

#include <optional>
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
  std::string unit_id;    // home unit (usually a village); empty when unknown
  std::string unit_path;  // root/…/unit/ (unit ids); empty with unit_id
  CustomerTier tier = CustomerTier::kUnspecified;
  // Contact preferences. do_not_call: no callbacks or follow-up calls.
  TicketChannel preferred_channel = TicketChannel::kUnspecified;
  std::string preferred_time;
  std::string language;
  bool do_not_call = false;
  std::string borrower;  // "borrowers/{id}" in svc-loans
  std::string note;
  int64_t version = 0;
  absl::Time create_time;
  absl::Time update_time;
};

// What the customer's tickets say of them: how many, how many still open
// (not ANSWERED, CLOSED or CANCELLED), and the last time they were in touch
// (a request registered or a callback attempt).
struct CustomerContactHistory {
  int tickets = 0;
  int open_tickets = 0;
  std::optional<absl::Time> last_contact;
};

// The archive record an intake contact creates when none matches.
Customer CustomerFromContact(const CustomerContact& contact, std::string id, absl::Time now);

}  // namespace huinong::tickets
