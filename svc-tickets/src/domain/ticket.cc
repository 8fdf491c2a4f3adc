// See ticket.h.
#include "svc-tickets/src/domain/ticket.h"

#include "absl/strings/str_format.h"

namespace huinong::tickets {

std::string ReferenceNumber(const Ticket& ticket, absl::TimeZone zone) {
  const int64_t year = absl::ToCivilYear(ticket.create_time, zone).year();
  return absl::StrFormat("T%02d-%06d", static_cast<int>(year % 100), ticket.seq);
}

}  // namespace huinong::tickets
