// See ticket.h.
#include "svc-tickets/src/domain/ticket.h"

#include "absl/strings/str_format.h"

namespace huinong::tickets {

absl::string_view TicketChannelName(TicketChannel channel) {
  switch (channel) {
    case TicketChannel::kPhone: return "PHONE";
    case TicketChannel::kVisit: return "VISIT";
    case TicketChannel::kLetter: return "LETTER";
    case TicketChannel::kOnline: return "ONLINE";
    case TicketChannel::kSms: return "SMS";
    case TicketChannel::kCallback: return "CALLBACK";
    case TicketChannel::kPatrol: return "PATROL";
    case TicketChannel::kUnspecified: break;
  }
  return "UNSPECIFIED";
}

std::string ReferenceNumber(const Ticket& ticket, absl::TimeZone zone) {
  const int64_t year = absl::ToCivilYear(ticket.create_time, zone).year();
  return absl::StrFormat("T%02d-%06d", static_cast<int>(year % 100), ticket.seq);
}

}  // namespace huinong::tickets
