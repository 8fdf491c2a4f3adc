// See customer.h.
#include "svc-tickets/src/domain/customer.h"

namespace huinong::tickets {

Customer CustomerFromContact(const CustomerContact& contact, std::string id, absl::Time now) {
  Customer c;
  c.id = std::move(id);
  c.display_name = contact.display_name;
  c.phone = contact.phone;
  c.id_card_number = contact.id_card_number;
  c.tier = contact.tier;
  c.version = 1;
  c.create_time = now;
  c.update_time = now;
  return c;
}

}  // namespace huinong::tickets
