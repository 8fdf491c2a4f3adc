// The svc-tickets records the tickets command tests answer with (through
// CannedServices, fake_canned.h) and the format tests print: a complaint about
// a loan taken at a village station, with the contact masked as the server
// masks it; a shift handover; the county's complaint SLA policy; a customer;
// and a township's week of KPIs (2026-W49) split by its two villages, the
// figures worked out by hand so every rate can be checked.
#pragma once

#include "huinong/tickets/v1/callbacks.pb.h"
#include "huinong/tickets/v1/customers.pb.h"
#include "huinong/tickets/v1/handovers.pb.h"
#include "huinong/tickets/v1/kpi.pb.h"
#include "huinong/tickets/v1/sla.pb.h"
#include "huinong/tickets/v1/ticket.pb.h"

namespace huinong::ctl::testing {

// tickets/T1, T26-000123: a complaint (P3) about loans/L1 taken by phone at
// units/V1 by staff/A1, REGISTERED, etag "3", created 2026-12-03 09:15 county time.
tickets::v1::Ticket LoanComplaint();
// handovers/H1: units/V1's night shift, staff/A1 → staff/A2, one item (tickets/T1), PENDING, etag "1".
tickets::v1::Handover NightShiftHandover();
// slaPolicies/P1 revision 2: complaints in units/C and below, reply 48h,
// complaint closure 3 working days, callback 3 working days, follow-up gap 48h, etag "2".
tickets::v1::SlaPolicy ComplaintPolicy();
// customers/C1: 张秀英 of units/V1, phone and ID number masked, etag "5".
tickets::v1::Customer ZhangXiuying();
// units/T's week 2026-11-30..2026-12-06: 12 requests, 7 at units/V1 and 5 at units/V2.
tickets::v1::KpiReport TownshipWeek();

}  // namespace huinong::ctl::testing
