// How svc-tickets' records look to a person: one key/value block per record
// (a ticket with its promises, approval and callbacks due; a callback
// attempt; a handover with its items; an SLA policy; a customer) and one
// table per list (tickets, a ticket's timeline, its SLA clocks, callbacks,
// handovers, policies, customers), and the KPI report: every figure of
// KpiFigures, one row each, with each rate as "numerator/denominator =
// 12.34%" so it can be checked. Times are the county's (tickets_values.h).
// Phone and ID numbers are shown as the server returned them (masked unless
// the caller may see them). Pure functions of the protos, tested without a
// server.
#pragma once

#include <string>
#include <vector>

#include "huinong/tickets/v1/callbacks.pb.h"
#include "huinong/tickets/v1/customers.pb.h"
#include "huinong/tickets/v1/handovers.pb.h"
#include "huinong/tickets/v1/kpi.pb.h"
#include "huinong/tickets/v1/sla.pb.h"
#include "huinong/tickets/v1/ticket.pb.h"
#include "tools/huinongctl/src/output.h"

namespace huinong::ctl {

std::string TicketDetail(const tickets::v1::Ticket& ticket);
Table TicketTable(const std::vector<tickets::v1::Ticket>& tickets);
Table ActivityTable(const std::vector<tickets::v1::TicketActivity>& activities);

std::string CallbackDetail(const tickets::v1::CallbackAttempt& callback);
Table CallbackTable(const std::vector<tickets::v1::CallbackAttempt>& callbacks);
// The attempt, then the ticket it left (state, callbacks, promises).
std::string RecordedCallbackDetail(const tickets::v1::RecordCallbackResponse& response);

std::string HandoverDetail(const tickets::v1::Handover& handover);
Table HandoverTable(const std::vector<tickets::v1::Handover>& handovers);

std::string SlaPolicyDetail(const tickets::v1::SlaPolicy& policy);
Table SlaPolicyTable(const std::vector<tickets::v1::SlaPolicy>& policies);
Table ClockTable(const std::vector<tickets::v1::SlaClock>& clocks);

std::string CustomerDetail(const tickets::v1::Customer& customer);
Table CustomerTable(const std::vector<tickets::v1::Customer>& customers);

// "3/12 = 25.00%" from the server's rate_bp; "0/0 = n/a" without a denominator.
std::string KpiRateText(const tickets::v1::Rate& rate);
// The heading (unit, period, generated), then one table: a row per figure
// (counts by type, channel, priority, cancel reason and backlog age
// indented under their figure), a column for the totals and one per slice.
std::string KpiReportText(const tickets::v1::KpiReport& report);

}  // namespace huinong::ctl
