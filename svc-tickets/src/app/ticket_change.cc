// See ticket_change.h.
#include "svc-tickets/src/app/ticket_change.h"

#include "common/core/status_macros.h"
#include "common/rpc/request_checks.h"
#include "common/rpc/status_details.h"
#include "common/rpc/validate.h"
#include "svc-tickets/src/app/ticket_clocks.h"
#include "svc-tickets/src/domain/ticket_actors.h"
#include "svc-tickets/src/store/ticket_store.h"

namespace huinong::tickets {
namespace {

TicketActivity EntryFor(const server::Mutation& m, const Ticket& t, const ActorFacts& actor, ActivityKind kind) {
  TicketActivity a;
  a.ticket_id = t.id;
  a.kind = kind;
  a.actor = actor.scanner ? m.caller().subject : actor.staff;
  a.by_service = actor.scanner;
  a.time = m.now();
  a.from_state = t.state;
  a.to_state = t.state;
  a.request_id = m.request_id();
  return a;
}

}  // namespace

absl::StatusOr<Ticket> ChangeTicket(server::Mutation& m, const TicketDesk& desk, const std::string& id,
                                    const std::string& etag, TicketStep step) {
  OrgView& org = desk.org;
  const std::string name = rpc::FormatName("tickets", id);
  ASSIGN_OR_RETURN(std::optional<Ticket> found, store::LockTicket(m.tx(), id));
  if (!found) return rpc::NotFound(name);
  const Ticket before = *found;
  Ticket& t = *found;
  // A caller outside the ticket's scope learns nothing of it (not even
  // whether its etag is current).
  if (!desk.scanner) RETURN_IF_ERROR(RequireTicketReadable(org, m.caller(), t));
  ASSIGN_OR_RETURN(ActorFacts actor, ActorFactsOf(org, m.caller(), t, m.today(), desk.scanner));
  // Reopening and cancelling are also the intake unit's supervisor's
  // (ticket_service.proto): their rights there count too.
  if (step.event && (*step.event == TicketEvent::kReopen || *step.event == TicketEvent::kCancel)) {
    actor.capabilities.insert(actor.intake_capabilities.begin(), actor.intake_capabilities.end());
  }
  if (!actor.scanner) RETURN_IF_ERROR(rpc::CheckEtag(etag, t.version, name));
  TicketActivity entry = EntryFor(m, t, actor, step.kind);
  if (step.event) {
    RETURN_IF_ERROR(MayAct(*step.event, t.people, actor));
    ASSIGN_OR_RETURN(entry.to_state, NextState(t.state, *step.event, t.type));
  } else if (step.record) {
    RETURN_IF_ERROR(MayRecord(*step.record, t.state, t.people, actor));
  }
  StepContext ctx{m, org, t, actor, entry, std::nullopt, std::nullopt};
  if (step.apply) RETURN_IF_ERROR(step.apply(ctx));
  std::optional<TicketActivity> follow_on;
  if (ctx.then) {
    RETURN_IF_ERROR(MayAct(*ctx.then, t.people, actor));
    ASSIGN_OR_RETURN(const TicketState next, NextState(entry.to_state, *ctx.then, t.type));
    if (ctx.then_kind) {
      follow_on = EntryFor(m, t, actor, *ctx.then_kind);
      follow_on->from_state = entry.to_state;
      follow_on->to_state = next;
    } else {
      entry.to_state = next;
    }
  }
  RETURN_IF_ERROR(store::AppendActivity(m.tx(), entry));
  t.state = entry.to_state;
  if (follow_on) {
    RETURN_IF_ERROR(store::AppendActivity(m.tx(), *follow_on));
    t.state = follow_on->to_state;
  }
  // A reopened ticket is a new round: the reply approved for the last one
  // does not answer it (`001:1319`: the leader approves the reply given).
  if (t.state == TicketState::kReopened && before.state != TicketState::kReopened) t.reply_approval.reset();
  // Answered, closed or cancelled: the time it ended; reopened: open again.
  if (IsOpen(t.state)) {
    t.close_time.reset();
  } else if (!t.close_time) {
    t.close_time = m.now();
  }
  if (!actor.scanner) {
    ++t.version;
    t.update_time = m.now();
  }
  RETURN_IF_ERROR(store::UpdateTicket(m.tx(), t));
  RETURN_IF_ERROR(RefreshClocks(m.tx(), org, t, m.now(), desk.zone).status());
  RETURN_IF_ERROR(desk.record(m, before, t));
  return t;
}

}  // namespace huinong::tickets
