// How the `huinongctl tickets …` commands are put together: each file adds
// its commands to one table (tickets_commands.cc runs it, so "tickets" alone
// lists them all), and the ticket read every change on a ticket starts from
// when --etag is not given.
#pragma once

#include <string>

#include "absl/status/statusor.h"
#include "huinong/tickets/v1/ticket.pb.h"
#include "tools/huinongctl/src/invocation.h"
#include "tools/huinongctl/src/subcommands.h"
#include "tools/huinongctl/src/tickets_client.h"

namespace huinong::ctl {

using TicketsSubcommands = SubcommandTable<TicketsClient>;

// tickets create|get|list|activities|update (tickets_record_commands.cc).
void AddTicketRecordCommands(TicketsSubcommands& table);
// One command per transition of TicketService (tickets_transition_commands.cc).
void AddTicketTransitionCommands(TicketsSubcommands& table);
// tickets callback record|close-unreachable|list, tickets handover
// create|get|list|acknowledge (tickets_callback_commands.cc).
void AddCallbackHandoverCommands(TicketsSubcommands& table);
// tickets policy create|get|list|update|revisions, tickets clocks (tickets_policy_commands.cc).
void AddSlaPolicyCommands(TicketsSubcommands& table);
// tickets customer create|get|list|update, tickets report (tickets_customer_commands.cc).
void AddCustomerReportCommands(TicketsSubcommands& table);

absl::StatusOr<tickets::v1::Ticket> GetTicket(const TicketsClient& tickets, const std::string& name);
// --etag, or the ticket's current one read just before the change.
absl::StatusOr<std::string> TicketEtag(const Invocation& inv, const TicketsClient& tickets, const std::string& name);

}  // namespace huinong::ctl
