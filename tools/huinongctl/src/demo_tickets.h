// The demo's customer requests (svc-tickets, issue 12), taken at 大韩寨村's
// service station (post "v3.cs") and worked at 宫村镇's service desk ("t2.cs",
// led by "t2.cslead"), so that the demo holds a request in every state a
// county sees daily: registered, answered at first contact, case opened,
// assigned, waiting on the customer, in progress, resolved, called back
// without reaching the customer, closed after a satisfied callback,
// reopened after an unsatisfied one, cancelled as a duplicate, and escalated.
//
// Two complaints about a loan are taken while the suite's clock runs months
// behind (up.sh's first stage, demo_servicing.h) and left in progress, so
// when svc-tickets runs at today their reply clocks have long breached and
// the SLA scanner escalates them to the shift leader. One ("walk") is the
// request the end-to-end suite then takes to CLOSED
// (tests/e2e/tickets_e2e_test.cc); the other stays ESCALATED. Every other
// request is taken at today — an open one taken months ago would have been
// escalated too.
//
// Each step is one call with a fixed request id, made with the previous
// step's answer (name and etag), so a rerun replays every answer from the
// server's request log and changes nothing.
#pragma once

#include <map>
#include <string>

#include "absl/status/status.h"
#include "huinong/loans/v1/applications.pb.h"
#include "tools/huinongctl/src/demo_desks.h"
#include "tools/huinongctl/src/demo_ensure.h"

namespace huinong::ctl {

// The request id prefix of the walk-through complaint's steps.
inline constexpr char kDemoWalkTicket[] = "demo:ticket:walk";

// `applications`: the demo's, by key — the complaints are about the first
// disbursed one's loan. `clock_behind`: the servers' business clock runs
// behind this machine's (the first stage): only the aged requests are
// taken; otherwise only the others.
absl::Status LoadDemoTickets(DemoDesks& desks, DemoLoad& load,
                             const std::map<std::string, loans::v1::Application>& applications, bool clock_behind);

}  // namespace huinong::ctl
