// `huinongctl tickets …`: the one table of every tickets command, run as the
// other groups run theirs (the command's flags checked before any
// connection is made); see tickets_commands.h.
#include "tools/huinongctl/src/tickets_commands.h"

#include "tools/huinongctl/src/commands.h"
#include "tools/huinongctl/src/tickets_flags.h"

namespace huinong::ctl {

namespace v1 = ::huinong::tickets::v1;

absl::StatusOr<v1::Ticket> GetTicket(const TicketsClient& tickets, const std::string& name) {
  v1::GetTicketRequest request;
  request.set_name(name);
  return tickets.Call<v1::Ticket>(&v1::TicketService::Stub::GetTicket, request);
}

absl::StatusOr<std::string> TicketEtag(const Invocation& inv, const TicketsClient& tickets, const std::string& name) {
  return EtagOf(inv, [&]() -> absl::StatusOr<std::string> {
    absl::StatusOr<v1::Ticket> current = GetTicket(tickets, name);
    if (!current.ok()) return current.status();
    return current->etag();
  });
}

absl::Status RunTickets(const Invocation& inv) {
  static const TicketsSubcommands* table = [] {
    auto* t = new TicketsSubcommands();
    AddTicketRecordCommands(*t);
    AddTicketTransitionCommands(*t);
    AddCallbackHandoverCommands(*t);
    AddSlaPolicyCommands(*t);
    AddCustomerReportCommands(*t);
    return t;
  }();
  return RunSubcommand(inv, *table);
}

}  // namespace huinong::ctl
