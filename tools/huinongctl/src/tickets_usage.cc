// Help text of the tickets commands (svc-tickets, issue 12): intake, every
// transition, callbacks and handovers, SLA policies and clocks, the customer
// archive and the KPI report — one block per command, looked up with the
// others by usage.cc.
#include <array>

#include "tools/huinongctl/src/usage_texts.h"

namespace huinong::ctl {
namespace {

constexpr std::array<CommandText, 41> kTickets = {{
    {"tickets create", R"(usage: huinongctl tickets create --type TYPE --channel CHANNEL --summary TEXT [--severity simple|major|sudden]
         [--description TEXT] [--location TEXT] [--occurred TIME]
         (--customer customers/ID | --contact-name NAME --contact-phone DIGITS [--contact-id-card ID] [--contact-tier T])
         [--related SERVICE:NAME] [--follow-up-of tickets/ID] [--request-id ID]
  Registers a request; you become its first responder (tickets.agent). The
  priority comes from type and severity (P1 emergency … P4 consultation).
  TYPE: consultation complaint grievance repair incident-report help-request suggestion praise claim emergency
  CHANNEL: phone visit letter online sms callback patrol
  --related names what it is about: loans:loans/ID, loans:applications/ID, loans:subsidyClaims/ID.
  TIME: "2026-12-05 17:00" (county time), RFC 3339, or +48h from now.
)"},
    {"tickets get", R"(usage: huinongctl tickets get tickets/ID
  Contact data as the server shows it to you (masked without tickets.agent for its unit).
)"},
    {"tickets list", R"(usage: huinongctl tickets list [--state S] [--open] [--priority p1..p4] [--type T] [--channel C]
         [--resolver-unit units/ID | --intake-unit units/ID [--subtree]] [--assignee staff/ID]
         [--first-responder staff/ID] [--accountable staff/ID] [--customer customers/ID]
         [--follow-up-of tickets/ID] [--related SERVICE:NAME] [--sla-state at-risk|breached]
         [--created-from TIME] [--created-to TIME] [--page-size N] [--page-token T] [--all]
  --open: not answered, closed or cancelled.
)"},
    {"tickets activities", R"(usage: huinongctl tickets activities tickets/ID [--all]
  The ticket's timeline, oldest first: who did what, state changes, whether the customer was told.
)"},
    {"tickets update", R"(usage: huinongctl tickets update tickets/ID [--type T] [--severity S] [--summary TEXT] [--description TEXT]
         [--location TEXT] [--occurred TIME] [--related SERVICE:NAME] [--reason TEXT] [--etag E] [--request-id ID]
  Corrects the intake; --reason is required when type or severity changes (the priority is derived again).
)"},
    {"tickets answer", R"(usage: huinongctl tickets answer tickets/ID --answer TEXT [--etag E] [--request-id ID]
  REGISTERED → ANSWERED at first contact (no callback due).
  Every transition: without --etag the ticket's current etag is used; without
  --request-id a new one is made and printed, so a retry can reuse it.
)"},
    {"tickets open-case", R"(usage: huinongctl tickets open-case tickets/ID --promise TIME [--resolver-unit units/ID] [--note TEXT] [--etag E] [--request-id ID]
  REGISTERED → CASE_OPENED with the reply time promised to the customer (≤ 48 h by default).
)"},
    {"tickets assign", R"(usage: huinongctl tickets assign tickets/ID --assignee staff/ID [--resolver-unit units/ID] [--note TEXT] [--etag E] [--request-id ID]
)"},
    {"tickets start", R"(usage: huinongctl tickets start tickets/ID [--note TEXT] [--etag E] [--request-id ID]
  ASSIGNED → IN_PROGRESS (the assignee).
)"},
    {"tickets transfer", R"(usage: huinongctl tickets transfer tickets/ID --to-unit units/ID [--to-assignee staff/ID] --reason TEXT
         --customer-note TEXT [--etag E] [--request-id ID]
  → CASE_OPENED in another unit; the first responder stays accountable.
)"},
    {"tickets escalate", R"(usage: huinongctl tickets escalate tickets/ID [--to-level shift-leader|department-head|unit-above] --reason TEXT
         --customer-note TEXT [--etag E] [--request-id ID]
  One level up the reporting chain (or to --to-level); the holder there becomes the assignee.
)"},
    {"tickets on-site", R"(usage: huinongctl tickets on-site tickets/ID [--staff staff/ID] [--at TIME] [--note TEXT] [--etag E] [--request-id ID]
  A P1 ticket: someone arrived on site (default: you, now).
)"},
    {"tickets notify-manager", R"(usage: huinongctl tickets notify-manager tickets/ID --manager staff/ID --channel CHANNEL [--at TIME] [--note TEXT]
         [--etag E] [--request-id ID]
  A P1 ticket: the manager (tickets.manager) was told.
)"},
    {"tickets follow-up", R"(usage: huinongctl tickets follow-up tickets/ID --note TEXT --channel CHANNEL [--etag E] [--request-id ID]
  A contact with the customer about progress (restarts the follow-up-gap clock).
  A new need raised here is a new ticket: tickets create --follow-up-of tickets/ID.
)"},
    {"tickets wait", R"(usage: huinongctl tickets wait tickets/ID --reason TEXT [--etag E] [--request-id ID]
  → WAITING_ON_CUSTOMER: every clock pauses.
)"},
    {"tickets resume", R"(usage: huinongctl tickets resume tickets/ID [--note TEXT] [--etag E] [--request-id ID]
)"},
    {"tickets renew-promise", R"(usage: huinongctl tickets renew-promise tickets/ID --promise TIME --progress TEXT [--apologised] [--etag E] [--request-id ID]
  A new reply time agreed with the customer; after a breached promise --apologised is required.
)"},
    {"tickets submit-reply", R"(usage: huinongctl tickets submit-reply tickets/ID --reply TEXT [--etag E] [--request-id ID]
  → PENDING_APPROVAL: the leader approves the reply to a serious case.
)"},
    {"tickets approve-reply", R"(usage: huinongctl tickets approve-reply tickets/ID [--comment TEXT] [--etag E] [--request-id ID]
)"},
    {"tickets reject-reply", R"(usage: huinongctl tickets reject-reply tickets/ID --comment TEXT [--etag E] [--request-id ID]
)"},
    {"tickets resolve", R"(usage: huinongctl tickets resolve tickets/ID --resolution TEXT [--etag E] [--request-id ID]
  → RESOLVED (→ CLOSED at once when no callback is due).
)"},
    {"tickets reopen", R"(usage: huinongctl tickets reopen tickets/ID --reason TEXT --promise TIME [--etag E] [--request-id ID]
)"},
    {"tickets cancel", R"(usage: huinongctl tickets cancel tickets/ID --reason duplicate|created-in-error|customer-withdrew
         [--duplicate-of tickets/ID] --note TEXT [--etag E] [--request-id ID]
  Never a complaint or grievance; every cancellation is counted in the reports.
)"},
    {"tickets callback record", R"(usage: huinongctl tickets callback record tickets/ID --outcome satisfied|unsatisfied|unreachable
         [--satisfaction 1-5] [--opinion TEXT] [--promise TIME] [--at TIME] [--etag E] [--request-id ID]
  --satisfaction for a customer reached; unsatisfied needs --opinion and
  --promise (the ticket reopens with that reply time).
)"},
    {"tickets callback close-unreachable", R"(usage: huinongctl tickets callback close-unreachable tickets/ID --reason TEXT [--etag E] [--request-id ID]
  CALLBACK_PENDING → CLOSED after the policy's unreachable attempts (tickets.supervisor).
)"},
    {"tickets callback list", R"(usage: huinongctl tickets callback list tickets/ID [--all]
)"},
    {"tickets handover create", R"(usage: huinongctl tickets handover create --unit units/ID --kind shift|leave --outgoing staff/ID... --incoming staff/ID...
         [--shift-label TEXT] [--item TICKET[:staff/ID][:NOTE]]... [--notes TEXT] [--request-id ID]
  Lists every open ticket of the outgoing staff; --item adds a note or names who takes one over.
)"},
    {"tickets handover get", R"(usage: huinongctl tickets handover get handovers/ID
)"},
    {"tickets handover list", R"(usage: huinongctl tickets handover list [--unit units/ID] [--kind K] [--state pending|acknowledged]
         [--staff staff/ID] [--created-from TIME] [--created-to TIME] [--all]
)"},
    {"tickets handover acknowledge", R"(usage: huinongctl tickets handover acknowledge handovers/ID [--note TEXT] [--etag E] [--request-id ID]
  The open items carry over to the incoming side.
)"},
    {"tickets policy create", R"(usage: huinongctl tickets policy create --name NAME --unit units/ID [--types T,T] [--priorities p1,p2]
         [--calendar work-calendar|all-day] [--first-response D] [--on-site D] [--manager-notification D]
         [--reply D] [--resolution D] [--complaint-closure D] [--callback D] [--follow-up-gap D]
         [--at-risk-bp 1-9999] [--callbacks-required 0-2] [--max-callback-attempts 1-10]
         [--reply-approval-required] [--escalate-on-breach] [--request-id ID]
  D: working time (48h, 90m, 0s for at once) or working days (3wd).
)"},
    {"tickets policy get", R"(usage: huinongctl tickets policy get slaPolicies/ID [--revision N]
)"},
    {"tickets policy list", R"(usage: huinongctl tickets policy list [--unit units/ID [--subtree]] [--all]
)"},
    {"tickets policy update", R"(usage: huinongctl tickets policy update slaPolicies/ID [the create flags but --unit] [--etag E] [--request-id ID]
  Writes the next revision with the flags given; "--reply none" drops a target.
  Open clocks are computed again under it.
)"},
    {"tickets policy revisions", R"(usage: huinongctl tickets policy revisions slaPolicies/ID [--all]
)"},
    {"tickets clocks", R"(usage: huinongctl tickets clocks tickets/ID
  The ticket's SLA clocks: state, start, at-risk and due times, pauses, the policy revision used.
)"},
    {"tickets customer create", R"(usage: huinongctl tickets customer create --name NAME --phone DIGITS [--id-card ID] [--address TEXT]
         [--unit units/ID] [--tier standard|priority|vip] [--borrower borrowers/ID] [--note TEXT]
         [--channel C] [--preferred-time TEXT] [--language L] [--do-not-call] [--request-id ID]
)"},
    {"tickets customer get", R"(usage: huinongctl tickets customer get customers/ID
)"},
    {"tickets customer list", R"(usage: huinongctl tickets customer list [--phone DIGITS] [--id-card ID] [--name-prefix P]
         [--unit units/ID [--subtree]] [--tier T] [--borrower borrowers/ID] [--all]
)"},
    {"tickets customer update", R"(usage: huinongctl tickets customer update customers/ID [the create flags] [--etag E] [--request-id ID]
  Only the fields given change; contact preferences not given stay as they are.
)"},
    {"tickets report", R"(usage: huinongctl tickets report --unit units/ID (--week 2026-W49 | --month 2026-12 | --from D --to D)
         [--by-child-unit] [--split week|month] [--time-zone ZONE]
  The KPIs of the unit's subtree: volume by type, channel and priority, each
  rate as numerator/denominator = percent (timely handling, callbacks,
  satisfaction, major complaints ≤ 1%, reopens, …), backlog by age, stuck and
  cancelled requests. A column per child unit (--by-child-unit) and per week
  or month (--split).
)"},
}};

}  // namespace

std::span<const CommandText> TicketsCommandTexts() { return kTickets; }

}  // namespace huinong::ctl
